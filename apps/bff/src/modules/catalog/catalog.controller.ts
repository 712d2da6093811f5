import { Controller, Get } from "@nestjs/common";
import { type InternetCatalog, type SimCatalog, type VpnCatalog } from "@portal/domain";
import { EligibilityService } from "../eligibility/eligibility.service.js";
import { type AuthenticatedUser, CurrentUser } from "../http/current-user.js";
import { CatalogService } from "./catalog.service.js";

/** `/api/catalog/*` (docs/api.md "Routes"); signed-in customers (the global guard's default). */
@Controller("catalog")
export class CatalogController {
  constructor(
    private readonly catalog: CatalogService,
    private readonly eligibility: EligibilityService,
  ) {}

  /**
   * `GET /api/catalog/internet` → `internetCatalogSchema`: only the plans of the offering type the
   * caller's address is eligible for, every offering type until it is.
   */
  @Get("internet")
  async internet(@CurrentUser() user: AuthenticatedUser): Promise<InternetCatalog> {
    return this.catalog.internet(await this.eligibility.eligibleOfferingType(user.id));
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
