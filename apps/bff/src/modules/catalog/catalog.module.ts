import { Module } from "@nestjs/common";
import { EligibilityModule } from "../eligibility/eligibility.module.js";
import { CatalogCacheInvalidator } from "./catalog-cache-invalidator.js";
import { CatalogController } from "./catalog.controller.js";
import { CatalogService } from "./catalog.service.js";

/**
 * The product catalog (Salesforce portal price book), cached as `catalog.cached-reads.ts` declares
 * and dropped on `CatalogChanged`; the internet plans filtered by the caller's eligibility
 * (`EligibilityService`). Exports `CatalogService` for checkout.
 */
@Module({
  imports: [EligibilityModule],
  controllers: [CatalogController],
  providers: [CatalogService, CatalogCacheInvalidator],
  exports: [CatalogService],
})
export class CatalogModule {}
