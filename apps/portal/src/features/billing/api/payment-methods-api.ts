import {
  paymentMethodsOverviewSchema,
  ssoLinkSchema,
  type PaymentMethodsOverview,
  type SsoLink,
} from "@portal/domain";
import { apiRequest } from "@/lib/api/client";

/**
 * `GET /api/payment-methods`: the customer's saved payment methods (default first) and the
 * gateways the shop accepts.
 * @throws ApiClientError `UNAUTHENTICATED`, upstream errors.
 */
export function fetchPaymentMethods(signal?: AbortSignal): Promise<PaymentMethodsOverview> {
  return apiRequest("/payment-methods", { schema: paymentMethodsOverviewSchema, signal });
}

/**
 * `POST /api/payment-methods/sso-link`: a one-time WHMCS link (valid about 60 s) to the
 * customer's payment-methods page, where cards and bank accounts are added, removed and made
 * default.
 * @throws ApiClientError `UNAUTHENTICATED`, upstream errors.
 */
export function createPaymentMethodsLink(): Promise<SsoLink> {
  return apiRequest("/payment-methods/sso-link", { method: "POST", schema: ssoLinkSchema });
}
