import {
  invoiceDetailSchema,
  invoiceListPageSchema,
  invoiceListQuerySchema,
  invoiceParamsSchema,
  ssoLinkSchema,
  invoiceDocumentQuerySchema,
} from "@portal/domain";
import { type ApiRoute, apiRoute, fileResponse } from "../openapi/api-route.js";

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
  apiRoute({
    method: "GET",
    path: "/api/invoices/:id/pdf",
    operationId: "downloadInvoicePdf",
    summary: "The invoice as a qualified invoice (適格請求書) PDF",
    description:
      "In the language of `lang` (default `ja`): issuer and registration number, dates, lines with their tax rate, per rate the total and the tax (decisions 0025, 0026). `Cache-Control: private, no-store`.",
    tags,
    access: "session",
    request: { params: invoiceParamsSchema, query: invoiceDocumentQuerySchema },
    responses: { 200: fileResponse("application/pdf") },
    errors: ["NOT_FOUND", "UPSTREAM_UNAVAILABLE", "UPSTREAM_ERROR"],
  }),
  apiRoute({
    method: "GET",
    path: "/api/invoices/:id/receipt",
    operationId: "downloadInvoiceReceipt",
    summary: "The receipt (領収書) PDF of a paid invoice",
    description: "409 INVOICE_NOT_PAID when the invoice is not paid.",
    tags,
    access: "session",
    request: { params: invoiceParamsSchema, query: invoiceDocumentQuerySchema },
    responses: { 200: fileResponse("application/pdf") },
    errors: ["NOT_FOUND", "INVOICE_NOT_PAID", "UPSTREAM_UNAVAILABLE", "UPSTREAM_ERROR"],
  }),
];
