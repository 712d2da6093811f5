import { Controller, Get } from "@nestjs/common";
import { type CustomerProfile, type DashboardSummary } from "@portal/domain";
import { type AuthenticatedUser, CurrentUser } from "../http/current-user.js";
import { AccountService } from "./account.service.js";

/** `/api/me*` (docs/api.md "Routes"). */
@Controller("me")
export class AccountController {
  constructor(private readonly account: AccountService) {}

  /** `GET /api/me` → `customerProfileSchema`. */
  @Get()
  profile(@CurrentUser() user: AuthenticatedUser): Promise<CustomerProfile> {
    return this.account.profile(user.id);
  }

  /** `GET /api/me/summary` → `dashboardSummarySchema`. */
  @Get("summary")
  summary(@CurrentUser() user: AuthenticatedUser): Promise<DashboardSummary> {
    return this.account.summary(user.id);
  }
}
