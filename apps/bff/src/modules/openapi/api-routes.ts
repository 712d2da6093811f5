import { accountRoutes } from "../account/account.routes.js";
import { emailChangeRoutes } from "../account/email-change.routes.js";
import { addressRoutes } from "../address/address.routes.js";
import { accountSecurityRoutes } from "../auth/account-security.routes.js";
import { authRoutes } from "../auth/auth.routes.js";
import { mfaRoutes } from "../auth/mfa.routes.js";
import { migrationRoutes } from "../auth/migration.routes.js";
import { passwordResetRoutes } from "../auth/password-reset.routes.js";
import { billingRoutes } from "../billing/billing.routes.js";
import { catalogRoutes } from "../catalog/catalog.routes.js";
import { paymentMethodsRoutes } from "../billing/payment-methods.routes.js";
import { dashboardRoutes } from "../dashboard/dashboard.routes.js";
import { eligibilityRoutes } from "../eligibility/eligibility.routes.js";
import { healthRoutes } from "../health/health.routes.js";
import { opsRoutes } from "../ops/ops.routes.js";
import { ordersRoutes } from "../orders/orders.routes.js";
import { subscriptionsRoutes } from "../subscriptions/subscriptions.routes.js";
import { sfEventsRoutes } from "../sf-events/sf-events.routes.js";
import { webhooksRoutes } from "../webhooks/webhooks.routes.js";
import { type ApiRoute } from "./api-route.js";
import { openApiRoutes } from "./openapi.routes.js";

/**
 * Every route of the API, in the order of the reference page. A feature adds its
 * `<feature>.routes.ts` here; `test/openapi.test.ts` fails while a registered route is missing.
 */
export const API_ROUTES: readonly ApiRoute[] = [
  ...authRoutes,
  ...passwordResetRoutes,
  ...mfaRoutes,
  ...accountSecurityRoutes,
  ...migrationRoutes,
  ...accountRoutes,
  ...dashboardRoutes,
  ...emailChangeRoutes,
  ...addressRoutes,
  ...billingRoutes,
  ...catalogRoutes,
  ...eligibilityRoutes,
  ...ordersRoutes,
  ...subscriptionsRoutes,
  ...paymentMethodsRoutes,
  ...webhooksRoutes,
  ...healthRoutes,
  ...sfEventsRoutes,
  ...opsRoutes,
  ...openApiRoutes,
];
