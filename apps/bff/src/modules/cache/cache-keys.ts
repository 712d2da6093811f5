import { type InvoiceListQuery } from "@portal/domain";

/**
 * Cache key names. Every key of customer data carries the owning WHMCS client id, so one
 * customer's entry can never answer another's request (DESIGN.md §5), and a webhook about a
 * client can drop exactly that client's entries by prefix.
 */
export const cacheKeys = {
  /** Every cached entry of WHMCS client `clientId`. */
  billingClient: (clientId: number) => `billing-client:${clientId}:`,
  /** All invoice lists and details of WHMCS client `clientId` (prefix). */
  invoices: (clientId: number) => `billing-client:${clientId}:invoices:`,
  invoiceList: (clientId: number, query: InvoiceListQuery) =>
    `billing-client:${clientId}:invoices:list:${query.status}:${query.page}:${query.pageSize}`,
  invoiceDetail: (clientId: number, invoiceId: number) =>
    `billing-client:${clientId}:invoices:detail:${invoiceId}`,
  billingProfile: (clientId: number) => `billing-client:${clientId}:profile`,
  paymentMethods: (clientId: number) => `billing-client:${clientId}:payment-methods`,
  /** Salesforce Account lookup of the signup form (no customer data beyond the account link). */
  customerNumber: (customerNumber: string) => `customer-number:${customerNumber}:account`,
  /** Who portal user `userId` is upstream (`CustomerIdentity`), keyed by the user it belongs to. */
  identity: (userId: string) => `identity:${userId}`,
  /** A revoked session (refresh-token family id) on the deny-list (decision 0017). */
  deniedSession: (sessionId: string) => `session-denied:${sessionId}`,
  /** A WHMCS webhook signature already accepted, kept for the replay window. */
  seenWebhook: (signature: string) => `webhook-seen:whmcs:${signature}`,
} as const;

/** Metric namespace of each key family of {@link cacheKeys}, first match wins. */
const NAMESPACES: readonly [RegExp, string][] = [
  [/^billing-client:\d+:invoices:/, "invoices"],
  [/^billing-client:\d+:profile$/, "billing-profile"],
  [/^billing-client:\d+:payment-methods$/, "payment-methods"],
  [/^billing-client:\d+:$/, "billing-client"],
  [/^customer-number:/, "customer-number"],
  [/^identity:/, "identity"],
];

/**
 * The namespace a key (or invalidated prefix) is counted under in the cache metrics
 * (docs/operations/metrics.md): `invoices`, `billing-profile`, `payment-methods`,
 * `billing-client` (a whole client's entries dropped at once), `customer-number`, `identity`; `other` for a
 * key of no known family. Never contains an id.
 */
export function cacheNamespaceOf(key: string): string {
  return NAMESPACES.find(([pattern]) => pattern.test(key))?.[1] ?? "other";
}

/** `billing-client:<id>:` then the resource: `invoices`, `profile`, `payment-methods`. */
const BILLING_SCOPED = /^(billing-client:\d+:)(invoices|profile|payment-methods)/;

/**
 * The invalidation scopes covering `key` (decision 0029): a client's entries
 * ({@link cacheKeys.billingClient}) and the resource within it — {@link cacheKeys.invoices},
 * {@link cacheKeys.billingProfile}, {@link cacheKeys.paymentMethods}. Each scope has a version
 * counter in the cache store, part of the stored key: bumping it makes every replica miss, without
 * scanning for keys. Empty for keys no scope covers (dropped one by one instead).
 */
export function cacheScopesOf(key: string): string[] {
  const match = BILLING_SCOPED.exec(key);
  if (!match?.[1] || !match[2]) {
    return [];
  }
  const client = match[1];
  return [client, match[2] === "invoices" ? `${client}invoices:` : `${client}${match[2]}`];
}

/** Whether `prefix` is one of the scopes {@link cacheScopesOf} names. */
export function isCacheScope(prefix: string): boolean {
  return /^billing-client:\d+:$/.test(prefix) || cacheScopesOf(prefix).includes(prefix);
}
