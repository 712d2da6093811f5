import { Controller, Get } from "@nestjs/common";
import { type DashboardSummary } from "@portal/domain";
import { type AuthenticatedUser, CurrentUser } from "../http/current-user.js";
import { DashboardService } from "./dashboard.service.js";

/** `GET /api/me/summary` (docs/api.md "Routes"). */
@Controller("me")
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  /** `GET /api/me/summary` → `dashboardSummarySchema`. */
  @Get("summary")
  summary(@CurrentUser() user: AuthenticatedUser): Promise<DashboardSummary> {
    return this.dashboard.summary(user.id);
  }
}
