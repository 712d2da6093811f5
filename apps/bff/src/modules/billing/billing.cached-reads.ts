import {
  billingClientSchema,
  invoiceDetailSchema,
  type InvoiceListQuery,
  invoiceSummarySchema,
  paymentGatewaySchema,
  paymentMethodSchema,
} from "@portal/domain";
import { z } from "zod";
import { type CacheTag, cachedRead } from "../cache/cached-read.js";

/**
 * The tags of a WHMCS client's cached billing data: all of it (`client`, dropped when the client
 * changes in WHMCS), or one resource of it. Every billing read carries `client` and its own.
 */
export const billingTags = {
  client: (clientId: number): CacheTag => ({ kind: "billing-client", id: clientId }),
  invoices: (clientId: number): CacheTag => ({ kind: "invoices", id: clientId }),
  profile: (clientId: number): CacheTag => ({ kind: "billing-profile", id: clientId }),
  paymentMethods: (clientId: number): CacheTag => ({ kind: "payment-methods", id: clientId }),
};

/** What `WhmcsClient.billing.getInvoices` returns, as the cache stores it. */
export const invoicePageSchema = z.object({
  totalResults: z.number().int().min(0),
  invoices: z.array(invoiceSummarySchema),
});

/** One page of a client's invoice list (WHMCS GetInvoices), 90 s (DESIGN.md §5). */
export const invoiceListRead = cachedRead({
  namespace: "invoices",
  key: ({ clientId, query }: { clientId: number; query: InvoiceListQuery }) =>
    `${clientId}:list:${query.status}:${query.page}:${query.pageSize}`,
  schema: invoicePageSchema,
  freshness: { ttlSeconds: 90 },
  tags: ({ clientId }) => [billingTags.client(clientId), billingTags.invoices(clientId)],
});

/** One invoice of a client with lines and payments (WHMCS GetInvoice), 5 min (DESIGN.md §5). */
export const invoiceDetailRead = cachedRead({
  namespace: "invoices",
  key: ({ clientId, invoiceId }: { clientId: number; invoiceId: number }) =>
    `${clientId}:detail:${invoiceId}`,
  schema: invoiceDetailSchema,
  freshness: { ttlSeconds: 300 },
  tags: ({ clientId }) => [billingTags.client(clientId), billingTags.invoices(clientId)],
});

/** A client's saved payment methods (WHMCS GetPayMethods), 15 min (DESIGN.md §5). */
export const paymentMethodsRead = cachedRead({
  namespace: "payment-methods",
  key: (clientId: number) => `${clientId}`,
  schema: z.array(paymentMethodSchema),
  freshness: { ttlSeconds: 900 },
  tags: (clientId) => [billingTags.client(clientId), billingTags.paymentMethods(clientId)],
});

/**
 * The payment gateways the shop accepts (WHMCS GetPaymentMethods), 1 h (DESIGN.md §5). Shop
 * configuration shared by every customer — it holds no customer data, so its one key carries no
 * customer id.
 */
export const paymentGatewaysRead = cachedRead({
  namespace: "payment-gateways",
  key: () => "shop",
  schema: z.array(paymentGatewaySchema),
  freshness: { ttlSeconds: 3600 },
});

/**
 * A client's WHMCS profile (names, phone, address, currency; WHMCS GetClientsDetails), null
 * when WHMCS has no such client; 30 min, dropped after the portal changes it (DESIGN.md §5).
 */
export const billingProfileRead = cachedRead({
  namespace: "billing-profile",
  key: (clientId: number) => `${clientId}`,
  schema: billingClientSchema.nullable(),
  freshness: { ttlSeconds: 1800 },
  tags: (clientId) => [billingTags.client(clientId), billingTags.profile(clientId)],
});
