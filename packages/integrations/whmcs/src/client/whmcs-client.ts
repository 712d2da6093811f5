import { randomBytes } from "node:crypto";
import {
  type BillingClient,
  type InvoiceDetail,
  type InvoiceStatus,
  type InvoiceSummary,
  type NewBillingClient,
  type PaymentMethod,
} from "@portal/domain";
import { toBillingClient } from "../mappers/billing-client.js";
import {
  toAddClientParams,
  toUpdateClientParams,
  type BillingClientPatch,
} from "../mappers/client-params.js";
import { toInvoiceDetail, toInvoiceSummary } from "../mappers/invoice.js";
import { toWhmcsStatusFilter } from "../mappers/invoice-status.js";
import { toPaymentMethods } from "../mappers/payment-method.js";
import { todayIn } from "../mappers/whmcs-time.js";
import {
  addClientResponseSchema,
  getClientsDetailsResponseSchema,
  getClientsResponseSchema,
  updateClientResponseSchema,
} from "../raw/clients.js";
import { getInvoiceResponseSchema, getInvoicesResponseSchema } from "../raw/invoices.js";
import { getPayMethodsResponseSchema } from "../raw/pay-methods.js";
import { createSsoTokenResponseSchema } from "../raw/sso.js";
import { whmcsDetailsResponseSchema } from "../raw/system.js";
import { type WhmcsClientConfig, type WhmcsLogger } from "./config.js";
import { WhmcsTransport } from "./transport.js";
import { WhmcsError } from "./whmcs-error.js";

/** Reads are retried on `unavailable`; writes and health probes run once. */
const RETRIED = { retry: true } as const;
const ONCE = { retry: false } as const;

/** CreateSsoToken: "Tokens are valid for a maximum of 60 seconds." */
const SSO_TOKEN_LIFETIME_MS = 60_000;

/** GetClients matches the start of an address, so fetch enough rows to find the exact one. */
const EMAIL_SEARCH_LIMIT = 100;

/** Error texts WHMCS answers for an unknown id (api-reference "Error Responses"). */
const CLIENT_NOT_FOUND = "client not found";
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
 * Typed client of the WHMCS External API for the portal. Every method returns @portal/domain
 * types (money in integer minor units + ISO 4217 currency, dates `YYYY-MM-DD`, instants ISO 8601
 * UTC) and throws only `WhmcsError`. All calls share one throttle; reads are retried on
 * `unavailable`, writes (AddClient, UpdateClient, CreateSsoToken) never.
 * Source: WHMCS/developer-docs api-reference/*.md; DESIGN.md §4.
 */
export class WhmcsClient {
  readonly #transport: WhmcsTransport;
  readonly #now: () => Date;
  readonly #timeZone: string;
  readonly #logger: WhmcsLogger | undefined;

  constructor(config: WhmcsClientConfig) {
    this.#transport = new WhmcsTransport(config);
    this.#now = config.now ?? (() => new Date());
    this.#timeZone = config.timeZone ?? "UTC";
    this.#logger = config.logger;
  }

  /**
   * The id of the WHMCS client whose email is exactly `email` (case-insensitive), or null.
   * GetClients `search` matches prefixes of several fields, so rows are filtered here.
   * @throws WhmcsError
   */
  async findClientIdByEmail(email: string): Promise<number | null> {
    const raw = await this.#transport.call(
      "GetClients",
      { search: email, limitnum: EMAIL_SEARCH_LIMIT },
      getClientsResponseSchema,
      RETRIED,
    );
    const wanted = email.trim().toLowerCase();
    return raw.clients.find((client) => client.email.trim().toLowerCase() === wanted)?.id ?? null;
  }

  /**
   * Creates the WHMCS client of a portal signup (AddClient, not retried). The customer number is
   * kept in the client's admin notes; no WHMCS welcome email is sent.
   * @throws WhmcsError `rejected` e.g. when the email is already in use.
   */
  async addClient(input: NewBillingClient): Promise<{ clientId: number }> {
    // WHMCS 8 requires a password for the user it creates; nobody ever learns this one.
    const unusablePassword = randomBytes(24).toString("base64url");
    const raw = await this.#transport.call(
      "AddClient",
      toAddClientParams(input, unusablePassword),
      addClientResponseSchema,
      ONCE,
    );
    return { clientId: raw.clientid };
  }

  /**
   * The client's billing profile (GetClientsDetails without statistics), or null when WHMCS has
   * no client with that id.
   * @throws WhmcsError
   */
  async getClientDetails(clientId: number): Promise<BillingClient | null> {
    const raw = await this.#notFoundAsNull(
      CLIENT_NOT_FOUND,
      // `stats` is left out: PHP would read even "false" as true.
      this.#transport.call(
        "GetClientsDetails",
        { clientid: clientId },
        getClientsDetailsResponseSchema,
        RETRIED,
      ),
    );
    return raw && this.#map("GetClientsDetails", () => toBillingClient(raw.client));
  }

  /**
   * Changes the fields present in `patch` (UpdateClient, not retried); does nothing when the
   * patch is empty.
   * @throws WhmcsError `rejected` e.g. "Client ID Not Found", "Duplicate Email Address".
   */
  async updateClient(clientId: number, patch: BillingClientPatch): Promise<void> {
    const params = toUpdateClientParams(patch);
    if (Object.values(params).every((value) => value === undefined)) {
      return;
    }
    await this.#transport.call(
      "UpdateClient",
      { clientid: clientId, ...params, skipvalidation: "true" },
      updateClientResponseSchema,
      ONCE,
    );
  }

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
    const raw = await this.#transport.call(
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
      RETRIED,
    );
    const today = todayIn(this.#now(), this.#timeZone);
    return {
      totalResults: raw.totalresults,
      invoices: this.#map("GetInvoices", () =>
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
    const raw = await this.#notFoundAsNull(
      INVOICE_NOT_FOUND,
      this.#transport.call(
        "GetInvoice",
        { invoiceid: invoiceId },
        getInvoiceResponseSchema,
        RETRIED,
      ),
    );
    if (!raw) {
      return null;
    }
    const today = todayIn(this.#now(), this.#timeZone);
    return {
      clientId: raw.userid,
      invoice: this.#map("GetInvoice", () => toInvoiceDetail(raw, currency, today, this.#timeZone)),
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
    const requestedAt = this.#now().getTime();
    const raw = await this.#transport.call(
      "CreateSsoToken",
      {
        client_id: query.clientId,
        destination: "sso:custom_redirect",
        sso_redirect_path: `viewinvoice.php?id=${query.invoiceId}`,
      },
      createSsoTokenResponseSchema,
      ONCE,
    );
    return {
      url: raw.redirect_url,
      expiresAt: new Date(requestedAt + SSO_TOKEN_LIFETIME_MS).toISOString(),
    };
  }

  /**
   * The client's saved payment methods in WHMCS order, the first being the default.
   * @throws WhmcsError
   */
  async getPayMethods(clientId: number): Promise<PaymentMethod[]> {
    const raw = await this.#transport.call(
      "GetPayMethods",
      { clientid: clientId },
      getPayMethodsResponseSchema,
      RETRIED,
    );
    return this.#map("GetPayMethods", () => toPaymentMethods(raw.paymethods));
  }

  /**
   * Health probe: one authenticated WhmcsDetails call, not retried so a health check answers
   * within one timeout. Resolves when WHMCS answers and accepts the credentials.
   * @throws WhmcsError
   */
  async ping(): Promise<void> {
    await this.#transport.call("WhmcsDetails", {}, whmcsDetailsResponseSchema, ONCE);
  }

  /** Resolves to null instead of throwing when WHMCS rejects the call with `notFoundMessage`. */
  async #notFoundAsNull<T>(notFoundMessage: string, call: Promise<T>): Promise<T | null> {
    try {
      return await call;
    } catch (error) {
      if (
        error instanceof WhmcsError &&
        error.kind === "rejected" &&
        error.upstreamMessage?.trim().toLowerCase() === notFoundMessage
      ) {
        return null;
      }
      throw error;
    }
  }

  /** Runs a raw → domain mapper; a value the domain rejects makes the answer `malformed`. */
  #map<T>(action: string, mapper: () => T): T {
    try {
      return mapper();
    } catch (error) {
      this.#logger?.warn(
        { action, reason: error instanceof Error ? error.message : String(error) },
        "WHMCS answer does not map to portal types",
      );
      throw new WhmcsError("malformed", action, {
        upstreamMessage: "Answer does not map to portal types",
        cause: error,
      });
    }
  }
}
