import {
  type InvoiceDetail,
  type InvoiceStatus,
  type InvoiceSummary,
  type PaymentGateway,
  type PaymentMethod,
} from "@portal/domain";
import { type WhmcsCore } from "../core/whmcs-core.js";
import { toInvoiceDetail, toInvoiceSummary } from "../mappers/invoice.js";
import { toWhmcsStatusFilter } from "../mappers/invoice-status.js";
import { toPaymentGateways, toPaymentMethods } from "../mappers/payment-method.js";
import { getPaymentMethodsResponseSchema } from "../raw/payment-gateways.js";
import { getInvoiceResponseSchema, getInvoicesResponseSchema } from "../raw/invoices.js";
import { getPayMethodsResponseSchema } from "../raw/pay-methods.js";
import { createSsoTokenResponseSchema } from "../raw/sso.js";

/** CreateSsoToken: "Tokens are valid for a maximum of 60 seconds." */
const SSO_TOKEN_LIFETIME_MS = 60_000;

/** Error text WHMCS answers for an unknown invoice id (api-reference "Error Responses"). */
const INVOICE_NOT_FOUND = "invoice id not found";

/** One page of a client's invoices, newest first. */
export interface InvoicePageQuery {
  clientId: number;
  /** One portal status, or `"all"`/absent for every invoice. */
  status?: InvoiceStatus | "all";
  /** 1-based page number. */
  page: number;
  pageSize: number;
}

/**
 * `whmcs.billing`: invoices, saved payment methods, the shop's payment gateways and the single
 * sign-on links that pay an invoice or manage payment methods inside WHMCS. Money in integer minor units + ISO 4217, dates `YYYY-MM-DD`, instants ISO 8601 UTC.
 * Reads are retried on transient failures; CreateSsoToken is sent once.
 * Source: WHMCS/developer-docs api-reference/{getinvoices,getinvoice,getpaymethods,
 * getpaymentmethods,createssotoken}.md.
 */
export class WhmcsBilling {
  constructor(private readonly core: WhmcsCore) {}

  /**
   * One page of the client's invoices, newest first (GetInvoices ordered by date, descending).
   * `totalResults` counts every invoice matching the filter.
   * @throws WhmcsError
   */
  async getInvoices(
    query: InvoicePageQuery,
  ): Promise<{ totalResults: number; invoices: InvoiceSummary[] }> {
    const status =
      query.status && query.status !== "all" ? toWhmcsStatusFilter(query.status) : undefined;
    const raw = await this.core.read(
      "GetInvoices",
      {
        userid: query.clientId,
        status,
        limitstart: (query.page - 1) * query.pageSize,
        limitnum: query.pageSize,
        orderby: "date",
        order: "desc",
      },
      getInvoicesResponseSchema,
    );
    const today = this.core.today();
    return {
      totalResults: raw.totalresults,
      invoices: this.core.map("GetInvoices", () =>
        raw.invoices.map((row) => toInvoiceSummary(row, today)),
      ),
    };
  }

  /**
   * One invoice with its lines and payments, and the id of the client it belongs to (the caller
   * checks ownership), or null when WHMCS has no such invoice. GetInvoice carries no currency:
   * pass the client's (`BillingClient.currency`).
   * @throws WhmcsError
   */
  async getInvoice(
    invoiceId: number,
    currency: string,
  ): Promise<{ clientId: number; invoice: InvoiceDetail } | null> {
    const raw = await this.core.notFoundAsNull(
      INVOICE_NOT_FOUND,
      this.core.read("GetInvoice", { invoiceid: invoiceId }, getInvoiceResponseSchema),
    );
    if (!raw) {
      return null;
    }
    const today = this.core.today();
    return {
      clientId: raw.userid,
      invoice: this.core.map("GetInvoice", () =>
        toInvoiceDetail(raw, currency, today, this.core.timeZone),
      ),
    };
  }

  /**
   * A one-time single sign-on URL that logs the client into WHMCS and opens the invoice page
   * (`viewinvoice.php?id=…`) for payment (CreateSsoToken, not retried). `expiresAt` (ISO 8601 UTC)
   * is 60 s after the request was sent, the token's maximum lifetime.
   * Source: WHMCS/developer-docs api-reference/createssotoken.md (`sso:custom_redirect`).
   * @throws WhmcsError `rejected` e.g. when SSO is disabled for the client.
   */
  async createSsoToken(query: {
    clientId: number;
    invoiceId: number;
  }): Promise<{ url: string; expiresAt: string }> {
    const requestedAt = this.core.now().getTime();
    const raw = await this.core.write(
      "CreateSsoToken",
      {
        client_id: query.clientId,
        destination: "sso:custom_redirect",
        sso_redirect_path: `viewinvoice.php?id=${query.invoiceId}`,
      },
      createSsoTokenResponseSchema,
    );
    return {
      url: raw.redirect_url,
      expiresAt: new Date(requestedAt + SSO_TOKEN_LIFETIME_MS).toISOString(),
    };
  }

  /**
   * A one-time single sign-on URL that logs the client into WHMCS and opens its payment-methods
   * page (destination `clientarea:billing_info`, "Manage Billing Information/Credit Card"), where
   * the customer adds, removes or chooses the default card or bank account (CreateSsoToken, not
   * retried). `expiresAt` (ISO 8601 UTC) is 60 s after the request was sent.
   * Source: WHMCS/developer-docs api-reference/createssotoken.md; WHMCS Single Sign-On
   * Developer Guide "Supported Destinations".
   * @throws WhmcsError `rejected` e.g. when SSO is disabled for the client.
   */
  async createPaymentMethodsSsoToken(
    clientId: number,
  ): Promise<{ url: string; expiresAt: string }> {
    const requestedAt = this.core.now().getTime();
    const raw = await this.core.write(
      "CreateSsoToken",
      { client_id: clientId, destination: "clientarea:billing_info" },
      createSsoTokenResponseSchema,
    );
    return {
      url: raw.redirect_url,
      expiresAt: new Date(requestedAt + SSO_TOKEN_LIFETIME_MS).toISOString(),
    };
  }

  /**
   * The client's saved payment methods in WHMCS order, the first being the default; cards whose
   * expiry month has passed (WHMCS time zone) are marked `expired`.
   * @throws WhmcsError
   */
  async getPayMethods(clientId: number): Promise<PaymentMethod[]> {
    const raw = await this.core.read(
      "GetPayMethods",
      { clientid: clientId },
      getPayMethodsResponseSchema,
    );
    const today = this.core.today();
    return this.core.map("GetPayMethods", () => toPaymentMethods(raw.paymethods, today));
  }

  /**
   * The payment gateways the shop accepts (GetPaymentMethods: module id and display name), in
   * WHMCS order. Source: WHMCS/developer-docs api-reference/getpaymentmethods.md.
   * @throws WhmcsError
   */
  async getPaymentGateways(): Promise<PaymentGateway[]> {
    const raw = await this.core.read("GetPaymentMethods", {}, getPaymentMethodsResponseSchema);
    return this.core.map("GetPaymentMethods", () => toPaymentGateways(raw.paymentmethods));
  }
}
