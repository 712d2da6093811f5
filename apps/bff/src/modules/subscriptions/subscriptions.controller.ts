import { Controller, Get } from "@nestjs/common";
import { type SubscriptionList } from "@portal/domain";
import { type AuthenticatedUser, CurrentUser } from "../http/current-user.js";
import { SubscriptionsService } from "./subscriptions.service.js";

/** `/api/subscriptions` (docs/api.md "Routes"). */
@Controller("subscriptions")
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  /** `GET /api/subscriptions` → `subscriptionListSchema`. */
  @Get()
  list(@CurrentUser() user: AuthenticatedUser): Promise<SubscriptionList> {
    return this.subscriptions.list(user.id);
  }
}
