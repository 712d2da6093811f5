import { Controller, Get, HttpCode, Param, Post, Query } from "@nestjs/common";
import {
  type InvoiceDetail,
  type InvoiceListPage,
  type InvoiceListQuery,
  invoiceListQuerySchema,
  type InvoiceParams,
  invoiceParamsSchema,
  type SsoLink,
} from "@portal/domain";
import { type AuthenticatedUser, CurrentUser } from "../http/current-user.js";
import { ZodPipe } from "../http/zod.pipe.js";
import { InvoicesService } from "./invoices.service.js";

/** `/api/invoices*` (docs/api.md "Routes"). */
@Controller("invoices")
export class BillingController {
  constructor(private readonly invoices: InvoicesService) {}

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
}
