import {
  invoiceDetailSchema,
  invoiceListPageSchema,
  invoiceListQuerySchema,
  invoiceParamsSchema,
  ssoLinkSchema,
} from "@portal/domain";
import { type ApiRoute, apiRoute } from "../openapi/api-route.js";

const tags = ["billing"];

/** `/api/invoices*` as `BillingController` serves it (docs/api.md "Routes"). */
export const billingRoutes: readonly ApiRoute[] = [
  apiRoute({
    method: "GET",
    path: "/api/invoices",
    operationId: "listInvoices",
    summary: "List the customer's invoices",
    description: "Newest first, one page at a time, optionally of one status.",
    tags,
    access: "session",
    request: { query: invoiceListQuerySchema },
    responses: { 200: invoiceListPageSchema },
    errors: ["UPSTREAM_UNAVAILABLE", "UPSTREAM_ERROR"],
  }),
  apiRoute({
    method: "GET",
    path: "/api/invoices/:id",
    operationId: "getInvoice",
    summary: "One invoice with its lines",
    description: "404 when the invoice does not exist or is not the caller's.",
    tags,
    access: "session",
    request: { params: invoiceParamsSchema },
    responses: { 200: invoiceDetailSchema },
    errors: ["NOT_FOUND", "UPSTREAM_UNAVAILABLE", "UPSTREAM_ERROR"],
  }),
  apiRoute({
    method: "POST",
    path: "/api/invoices/:id/sso-link",
    operationId: "createInvoicePaymentLink",
    summary: "A one-time link to pay the invoice in WHMCS",
    description: "409 CONFLICT when the invoice is not payable (paid or cancelled).",
    tags,
    access: "session",
    request: { params: invoiceParamsSchema },
    responses: { 200: ssoLinkSchema },
    errors: ["NOT_FOUND", "CONFLICT", "UPSTREAM_UNAVAILABLE", "UPSTREAM_ERROR"],
  }),
];
