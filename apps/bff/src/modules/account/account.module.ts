import { Module } from "@nestjs/common";
import { AuthModule } from "../auth/auth.module.js";
import { BillingModule } from "../billing/billing.module.js";
import { IdentityModule } from "../identity/identity.module.js";
import { AccountController } from "./account.controller.js";
import { AccountService } from "./account.service.js";
import { BillingAddressSync } from "./billing-address-sync.js";

/** The signed-in customer's profile and its changes (names, phone, address). */
@Module({
  imports: [IdentityModule, AuthModule, BillingModule],
  controllers: [AccountController],
  providers: [AccountService, BillingAddressSync],
})
export class AccountModule {}
