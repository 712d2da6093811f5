import { Module } from "@nestjs/common";
import { BillingModule } from "../billing/billing.module.js";
import { CustomerModule } from "../customer/customer.module.js";
import { AccountController } from "./account.controller.js";
import { AccountService } from "./account.service.js";
import { BillingAddressSync } from "./billing-address-sync.js";

/** The signed-in customer's profile (and its changes) and dashboard summary. */
@Module({
  imports: [CustomerModule, BillingModule],
  controllers: [AccountController],
  providers: [AccountService, BillingAddressSync],
})
export class AccountModule {}
