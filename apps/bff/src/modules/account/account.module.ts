import { Module } from "@nestjs/common";
import { BillingModule } from "../billing/billing.module.js";
import { CustomerModule } from "../customer/customer.module.js";
import { AccountController } from "./account.controller.js";
import { AccountService } from "./account.service.js";

/** The signed-in customer's profile and dashboard summary. */
@Module({
  imports: [CustomerModule, BillingModule],
  controllers: [AccountController],
  providers: [AccountService],
})
export class AccountModule {}
