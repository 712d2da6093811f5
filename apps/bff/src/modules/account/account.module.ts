import { Module } from "@nestjs/common";
import { AuthModule } from "../auth/auth.module.js";
import { BillingModule } from "../billing/billing.module.js";
import { IdentityModule } from "../identity/identity.module.js";
import { EmailChangesRepository } from "../auth/repositories/email-changes.repository.js";
import { AccountController } from "./account.controller.js";
import { AccountService } from "./account.service.js";
import { BillingAddressSync } from "./billing-address-sync.js";
import { EmailChangeController } from "./email-change.controller.js";
import { EmailChangeService } from "./email-change.service.js";

/** The signed-in customer's profile and its changes (names, phone, address, the e-mail address verified). */
@Module({
  imports: [IdentityModule, AuthModule, BillingModule],
  controllers: [AccountController, EmailChangeController],
  providers: [AccountService, BillingAddressSync, EmailChangeService, EmailChangesRepository],
})
export class AccountModule {}
