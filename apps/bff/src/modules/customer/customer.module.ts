import { Module } from "@nestjs/common";
import { ContactSync } from "./contact-sync.js";
import { CustomerService } from "./customer.service.js";

/**
 * Resolves a portal user to their records upstream, and keeps their Salesforce Contact in step
 * with WHMCS; shared by the customer-data features and sign-up.
 */
@Module({
  providers: [CustomerService, ContactSync],
  exports: [CustomerService, ContactSync],
})
export class CustomerModule {}
