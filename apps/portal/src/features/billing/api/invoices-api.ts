import {
  type DocumentLanguage,
  invoiceDetailSchema,
  invoiceListPageSchema,
  ssoLinkSchema,
  type InvoiceDetail,
  type InvoiceListPage,
  type InvoiceListQuery,
  type SsoLink,
} from "@portal/domain";
import { apiDownload, apiRequest, type ApiDownload } from "@/lib/api/client";

/**
 * `GET /api/invoices?status=&page=&pageSize=`: one page of the customer's invoices, newest first.
 * @throws ApiClientError `VALIDATION_FAILED` (400), `UNAUTHENTICATED`, upstream errors.
 */
export function fetchInvoices(
  query: InvoiceListQuery,
  signal?: AbortSignal,
): Promise<InvoiceListPage> {
  const search = new URLSearchParams({
    status: query.status,
    page: String(query.page),
    pageSize: String(query.pageSize),
  });
  return apiRequest(`/invoices?${search.toString()}`, { schema: invoiceListPageSchema, signal });
}

/**
 * `GET /api/invoices/:id`: one invoice with items, balance and payments.
 * @throws ApiClientError `NOT_FOUND` (404: absent or another customer's), `UNAUTHENTICATED`, upstream errors.
 */
export function fetchInvoice(id: number, signal?: AbortSignal): Promise<InvoiceDetail> {
  return apiRequest(`/invoices/${id}`, { schema: invoiceDetailSchema, signal });
}

/**
 * `POST /api/invoices/:id/sso-link`: a one-time WHMCS link (valid about 60 s) opening the invoice
 * for payment.
 * @throws ApiClientError `CONFLICT` (409: no longer payable), `NOT_FOUND`, upstream errors.
 */
export function createInvoicePaymentLink(id: number): Promise<SsoLink> {
  return apiRequest(`/invoices/${id}/sso-link`, { method: "POST", schema: ssoLinkSchema });
}

/** The PDFs of an invoice: the qualified invoice itself, or the receipt of a paid one. */
export type InvoiceDocumentKind = "pdf" | "receipt";

/**
 * `GET /api/invoices/:id/pdf?lang=` or `/receipt?lang=`: the invoice or receipt PDF in `language`.
 * @throws ApiClientError `NOT_FOUND`, `INVOICE_NOT_PAID` (409, receipt of an unpaid invoice),
 *   upstream errors.
 */
export function downloadInvoiceDocument(
  id: number,
  kind: InvoiceDocumentKind,
  language: DocumentLanguage,
): Promise<ApiDownload> {
  return apiDownload(`/invoices/${id}/${kind}?lang=${language}`);
}
