import { Module } from "@nestjs/common";
import { BillingModule } from "../billing/billing.module.js";
import { IdentityModule } from "../identity/identity.module.js";
import { EligibilityCacheInvalidator } from "./eligibility-cache-invalidator.js";
import { EligibilityController } from "./eligibility.controller.js";
import { EligibilityService } from "./eligibility.service.js";
import { EligibilityRequestsRepository } from "./repositories/eligibility-requests.repository.js";

/**
 * Internet eligibility (`/api/eligibility`; decision 0053): the Account's answer read from
 * Salesforce and cached per Account (`eligibility.cached-reads.ts`), requests that open a Case and
 * set the Account `Pending`, the table of the latest request per Account. Drops its cached copy
 * on `EligibilityChanged`. Exports `EligibilityService` to the catalog and orders modules
 * (`eligibleOfferingType`, `assertEligibleFor`).
 */
@Module({
  imports: [IdentityModule, BillingModule],
  controllers: [EligibilityController],
  providers: [EligibilityService, EligibilityRequestsRepository, EligibilityCacheInvalidator],
  exports: [EligibilityService],
})
export class EligibilityModule {}
