import { Injectable } from "@nestjs/common";
import {
  type InvoiceDetail,
  type InvoiceListPage,
  type InvoiceListQuery,
  type InvoiceSummary,
  isPayable,
  pageCount,
  type SsoLink,
} from "@portal/domain";
import { WhmcsClient } from "@portal/whmcs";
import { type z } from "zod";
import { CacheService } from "../cache/cache.service.js";
import { IdentityService } from "../identity/identity.service.js";
import { AppError } from "../http/app-error.js";
import { BillingProfileService } from "./billing-profile.service.js";
import {
  invoiceDetailRead,
  invoiceListRead,
  type invoicePageSchema,
} from "./billing.cached-reads.js";

/** Unpaid invoices are read in WHMCS pages of this size (GetInvoices `limitnum`)… */
const UNPAID_PAGE_SIZE = 100;
/** …and at most this many pages: a customer with more than 1,000 unpaid invoices sees the first 1,000. */
const UNPAID_MAX_PAGES = 10;

function invoiceNotFound(): AppError {
  return new AppError("NOT_FOUND", "We could not find this invoice.");
}

/**
 * The customer's invoices (WHMCS is the source; DESIGN.md §5 caches lists 90 s and details 5 min,
 * busted by WHMCS webhooks). Authorization: an invoice of another client answers exactly like an
 * absent one (404), so ids reveal nothing (DESIGN.md §7).
 */
@Injectable()
export class InvoicesService {
  constructor(
    private readonly identities: IdentityService,
    private readonly billingProfiles: BillingProfileService,
    private readonly whmcs: WhmcsClient,
    private readonly cache: CacheService,
  ) {}

  /** One page of the caller's invoices, newest first; filtering and paging happen in WHMCS (decision 0005). */
  async list(userId: string, query: InvoiceListQuery): Promise<InvoiceListPage> {
    const identity = await this.identities.identityOf(userId);
    const result = await this.page(identity.whmcsClientId, query);
    return {
      items: result.invoices,
      page: query.page,
      pageSize: query.pageSize,
      totalItems: result.totalResults,
      totalPages: pageCount(result.totalResults, query.pageSize),
    };
  }

  /**
   * One of the caller's invoices with lines and payments.
   * @throws AppError NOT_FOUND when absent or not the caller's.
   */
  async detail(userId: string, invoiceId: number): Promise<InvoiceDetail> {
    const identity = await this.identities.identityOf(userId);
    const clientId = identity.whmcsClientId;
    return this.cache.read(invoiceDetailRead, { clientId, invoiceId }, () =>
      this.ownInvoice(clientId, invoiceId),
    );
  }

  /**
   * A one-time WHMCS single sign-on link that opens the invoice for payment. The invoice is read
   * live (not from the cache): a just-paid invoice must not get a payment link.
   * @throws AppError NOT_FOUND (absent or not the caller's), CONFLICT (not payable).
   */
  async ssoLink(userId: string, invoiceId: number): Promise<SsoLink> {
    const identity = await this.identities.identityOf(userId);
    const invoice = await this.ownInvoice(identity.whmcsClientId, invoiceId);
    if (!isPayable(invoice.status)) {
      throw new AppError(
        "CONFLICT",
        `This invoice is ${invoice.status.replace("_", " ")} and cannot be paid.`,
      );
    }
    return this.whmcs.billing.createSsoToken({ clientId: identity.whmcsClientId, invoiceId });
  }

  /** Every invoice WHMCS holds as Unpaid for `clientId` (overdue ones included), newest first. */
  async unpaid(clientId: number): Promise<InvoiceSummary[]> {
    const invoices: InvoiceSummary[] = [];
    for (let page = 1; page <= UNPAID_MAX_PAGES; page += 1) {
      const result = await this.page(clientId, {
        status: "unpaid",
        page,
        pageSize: UNPAID_PAGE_SIZE,
      });
      invoices.push(...result.invoices);
      if (result.invoices.length < UNPAID_PAGE_SIZE || invoices.length >= result.totalResults) {
        break;
      }
    }
    return invoices;
  }

  private page(
    clientId: number,
    query: InvoiceListQuery,
  ): Promise<z.output<typeof invoicePageSchema>> {
    return this.cache.read(invoiceListRead, { clientId, query }, () =>
      this.whmcs.billing.getInvoices({ clientId, ...query }),
    );
  }

  /** The invoice, if it exists and belongs to `clientId`; the client's currency prices it. */
  private async ownInvoice(clientId: number, invoiceId: number): Promise<InvoiceDetail> {
    const { currency } = await this.billingProfiles.of(clientId);
    const found = await this.whmcs.billing.getInvoice(invoiceId, currency);
    if (!found || found.clientId !== clientId) {
      throw invoiceNotFound();
    }
    return found.invoice;
  }
}
