import { paymentMethodsOverviewSchema, ssoLinkSchema } from "@portal/domain";
import { type ApiRoute, apiRoute } from "../openapi/api-route.js";

const tags = ["billing"];

/** `/api/payment-methods*` as `PaymentMethodsController` serves it (docs/api.md "Routes"). */
export const paymentMethodsRoutes: readonly ApiRoute[] = [
  apiRoute({
    method: "GET",
    path: "/api/payment-methods",
    operationId: "listPaymentMethods",
    summary: "The customer's saved payment methods and the gateways the shop accepts",
    description:
      "Methods from WHMCS GetPayMethods (default first; card brand, last four, expiry, `expired`; bank name), cached 15 min; gateways from GetPaymentMethods, cached 1 h. A WHMCS webhook drops the methods early.",
    tags,
    access: "session",
    responses: { 200: paymentMethodsOverviewSchema },
    errors: ["UPSTREAM_UNAVAILABLE", "UPSTREAM_ERROR"],
  }),
  apiRoute({
    method: "POST",
    path: "/api/payment-methods/sso-link",
    operationId: "createPaymentMethodsLink",
    summary: "A one-time link to the customer's payment-methods page in WHMCS",
    description:
      "WHMCS CreateSsoToken with destination `clientarea:billing_info`; valid once, for about 60 s. Cards and bank accounts are added, removed and made default there.",
    tags,
    access: "session",
    responses: { 200: ssoLinkSchema },
    errors: ["UPSTREAM_UNAVAILABLE", "UPSTREAM_ERROR"],
  }),
];
