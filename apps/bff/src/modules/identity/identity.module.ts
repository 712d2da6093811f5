import { Module } from "@nestjs/common";
import { ContactSync } from "./contact-sync.js";
import { IdentityService } from "./identity.service.js";
import { IdMappingsRepository } from "./repositories/id-mappings.repository.js";
import { UsersRepository } from "./repositories/users.repository.js";

/**
 * Who a portal user is: the portal users and their mapping to the WHMCS client and Salesforce
 * Account (tables `users`, `id_mappings`), and the service that resolves a user to those ids for
 * the customer-data features, and the Salesforce Contact those ids lead to kept in step with WHMCS
 * ({@link ContactSync}: sign-up and profile changes use it). Exports the repositories to auth (sign-up, login, migration) and the
 * demo seed.
 */
@Module({
  providers: [IdentityService, UsersRepository, IdMappingsRepository, ContactSync],
  exports: [IdentityService, UsersRepository, IdMappingsRepository, ContactSync],
})
export class IdentityModule {}
