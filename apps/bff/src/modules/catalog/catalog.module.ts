import { Module } from "@nestjs/common";
import { CatalogCacheInvalidator } from "./catalog-cache-invalidator.js";
import { CatalogController } from "./catalog.controller.js";
import { CatalogService } from "./catalog.service.js";

/**
 * The product catalog (Salesforce portal price book), cached as `catalog.cached-reads.ts` declares
 * and dropped on `CatalogChanged`; exports `CatalogService` for checkout and eligibility filtering.
 */
@Module({
  controllers: [CatalogController],
  providers: [CatalogService, CatalogCacheInvalidator],
  exports: [CatalogService],
})
export class CatalogModule {}
