import { Controller, Get } from "@nestjs/common";
import { type InternetCatalog, type SimCatalog, type VpnCatalog } from "@portal/domain";
import { CatalogService } from "./catalog.service.js";

/** `/api/catalog/*` (docs/api.md "Routes"); signed-in customers (the global guard's default). */
@Controller("catalog")
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  /** `GET /api/catalog/internet` → `internetCatalogSchema`. */
  @Get("internet")
  internet(): Promise<InternetCatalog> {
    return this.catalog.internet();
  }

  /** `GET /api/catalog/sim` → `simCatalogSchema`. */
  @Get("sim")
  sim(): Promise<SimCatalog> {
    return this.catalog.sim();
  }

  /** `GET /api/catalog/vpn` → `vpnCatalogSchema`. */
  @Get("vpn")
  vpn(): Promise<VpnCatalog> {
    return this.catalog.vpn();
  }
}
