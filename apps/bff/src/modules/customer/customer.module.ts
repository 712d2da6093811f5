import { Module } from "@nestjs/common";
import { CustomerService } from "./customer.service.js";

/** Resolves a portal user to their records upstream; shared by the customer-data features. */
@Module({
  providers: [CustomerService],
  exports: [CustomerService],
})
export class CustomerModule {}
