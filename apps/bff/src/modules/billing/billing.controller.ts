import {
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Query,
  type StreamableFile,
} from "@nestjs/common";
import {
  type InvoiceDetail,
  type InvoiceDocumentQuery,
  invoiceDocumentQuerySchema,
  type InvoiceListPage,
  type InvoiceListQuery,
  invoiceListQuerySchema,
  type InvoiceParams,
  invoiceParamsSchema,
  type SsoLink,
} from "@portal/domain";
import { type AuthenticatedUser, CurrentUser } from "../http/current-user.js";
import { ZodPipe } from "../http/zod.pipe.js";
import { InvoicePdfService } from "./invoice-pdf.service.js";
import { InvoicesService } from "./invoices.service.js";

/** `/api/invoices*` (docs/api.md "Routes"). */
@Controller("invoices")
export class BillingController {
  constructor(
    private readonly invoices: InvoicesService,
    private readonly invoicePdfs: InvoicePdfService,
  ) {}

  /** `GET /api/invoices?status=&page=&pageSize=` → `invoiceListPageSchema`. */
  @Get()
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query(new ZodPipe(invoiceListQuerySchema)) query: InvoiceListQuery,
  ): Promise<InvoiceListPage> {
    return this.invoices.list(user.id, query);
  }

  /** `GET /api/invoices/:id` → `invoiceDetailSchema`. */
  @Get(":id")
  detail(
    @CurrentUser() user: AuthenticatedUser,
    @Param(new ZodPipe(invoiceParamsSchema)) params: InvoiceParams,
  ): Promise<InvoiceDetail> {
    return this.invoices.detail(user.id, params.id);
  }

  /** `POST /api/invoices/:id/sso-link` → 200 `ssoLinkSchema`. */
  @Post(":id/sso-link")
  @HttpCode(200)
  ssoLink(
    @CurrentUser() user: AuthenticatedUser,
    @Param(new ZodPipe(invoiceParamsSchema)) params: InvoiceParams,
  ): Promise<SsoLink> {
    return this.invoices.ssoLink(user.id, params.id);
  }

  /**
   * `GET /api/invoices/:id/pdf?lang=ja|en` → the qualified invoice, `application/pdf` attachment
   * (decision 0026). `private, no-store`: one customer's document, never kept by a cache.
   */
  @Get(":id/pdf")
  @Header("cache-control", "private, no-store")
  pdf(
    @CurrentUser() user: AuthenticatedUser,
    @Param(new ZodPipe(invoiceParamsSchema)) params: InvoiceParams,
    @Query(new ZodPipe(invoiceDocumentQuerySchema)) query: InvoiceDocumentQuery,
  ): Promise<StreamableFile> {
    return this.invoicePdfs.invoice(user.id, params.id, query.lang);
  }

  /**
   * `GET /api/invoices/:id/receipt?lang=ja|en` → the receipt of a paid invoice, `application/pdf`
   * attachment; 409 `INVOICE_NOT_PAID` for any other status.
   */
  @Get(":id/receipt")
  @Header("cache-control", "private, no-store")
  receipt(
    @CurrentUser() user: AuthenticatedUser,
    @Param(new ZodPipe(invoiceParamsSchema)) params: InvoiceParams,
    @Query(new ZodPipe(invoiceDocumentQuerySchema)) query: InvoiceDocumentQuery,
  ): Promise<StreamableFile> {
    return this.invoicePdfs.receipt(user.id, params.id, query.lang);
  }
}
