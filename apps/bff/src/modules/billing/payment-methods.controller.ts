import { Controller, Get, HttpCode, Post } from "@nestjs/common";
import { type PaymentMethodsOverview, type SsoLink } from "@portal/domain";
import { type AuthenticatedUser, CurrentUser } from "../http/current-user.js";
import { PaymentMethodsService } from "./payment-methods.service.js";

/** `/api/payment-methods*` (docs/api.md "Routes"). */
@Controller("payment-methods")
export class PaymentMethodsController {
  constructor(private readonly paymentMethods: PaymentMethodsService) {}

  /** `GET /api/payment-methods` → `paymentMethodsOverviewSchema`. */
  @Get()
  overview(@CurrentUser() user: AuthenticatedUser): Promise<PaymentMethodsOverview> {
    return this.paymentMethods.overview(user.id);
  }

  /** `POST /api/payment-methods/sso-link` → 200 `ssoLinkSchema`. */
  @Post("sso-link")
  @HttpCode(200)
  ssoLink(@CurrentUser() user: AuthenticatedUser): Promise<SsoLink> {
    return this.paymentMethods.ssoLink(user.id);
  }
}
