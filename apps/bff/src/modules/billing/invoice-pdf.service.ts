import { Inject, Injectable, StreamableFile } from "@nestjs/common";
import { type DocumentLanguage } from "@portal/domain";
import { type AppConfig } from "../config/config.schema.js";
import { APP_CONFIG } from "../config/config.module.js";
import { IdentityService } from "../identity/identity.service.js";
import { AppError } from "../http/app-error.js";
import { type InvoiceDocument } from "./invoice-pdf/invoice-document.js";
import { renderInvoicePdf, renderReceiptPdf } from "./invoice-pdf/invoice-pdf.renderer.js";
import { BillingProfileService } from "./billing-profile.service.js";
import { InvoicesService } from "./invoices.service.js";

/** `Content-Disposition` of a download named `filename` (ASCII only, so no RFC 5987 form needed). */
function download(content: Buffer, filename: string): StreamableFile {
  return new StreamableFile(content, {
    type: "application/pdf",
    disposition: `attachment; filename="${filename}"`,
    length: content.length,
  });
}

/** An invoice number as a file-name part: anything but letters, digits, `-` and `_` becomes `-`. */
function fileNamePart(invoiceNumber: string): string {
  return invoiceNumber.replace(/[^A-Za-z0-9_-]/g, "-");
}

/**
 * Invoice and receipt PDFs of the caller's invoices (DESIGN.md §8 `GET invoices/:id/pdf`; decision
 * 0026). The invoice is read like `GET /api/invoices/:id` (same cache, same "not yours = 404"),
 * the recipient's name from the WHMCS client, the issuer from config.
 */
@Injectable()
export class InvoicePdfService {
  constructor(
    private readonly invoices: InvoicesService,
    private readonly identities: IdentityService,
    private readonly billingProfiles: BillingProfileService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The qualified invoice (適格請求書) as a PDF download `invoice-<number>.pdf` in `language`.
   * @throws AppError NOT_FOUND (absent or not the caller's); upstream failures as 502/503.
   */
  async invoice(
    userId: string,
    invoiceId: number,
    language: DocumentLanguage,
  ): Promise<StreamableFile> {
    const document = await this.document(userId, invoiceId, language);
    const number = fileNamePart(document.invoice.number);
    return download(await renderInvoicePdf(document), `invoice-${number}.pdf`);
  }

  /**
   * The receipt (領収書) of a paid invoice as a PDF download `receipt-<number>.pdf` in `language`.
   * @throws AppError NOT_FOUND (absent or not the caller's), INVOICE_NOT_PAID (409, any status
   *   other than paid); upstream failures as 502/503.
   */
  async receipt(
    userId: string,
    invoiceId: number,
    language: DocumentLanguage,
  ): Promise<StreamableFile> {
    const document = await this.document(userId, invoiceId, language);
    if (document.invoice.status !== "paid") {
      throw new AppError(
        "INVOICE_NOT_PAID",
        "A receipt can only be issued once the invoice has been paid.",
      );
    }
    const number = fileNamePart(document.invoice.number);
    return download(await renderReceiptPdf(document), `receipt-${number}.pdf`);
  }

  private async document(
    userId: string,
    invoiceId: number,
    language: DocumentLanguage,
  ): Promise<InvoiceDocument> {
    const invoice = await this.invoices.detail(userId, invoiceId);
    const identity = await this.identities.identityOf(userId);
    const client = await this.billingProfiles.of(identity.whmcsClientId);
    return {
      language,
      issuer: this.config.invoiceIssuer,
      recipient: { familyName: client.lastName, givenName: client.firstName },
      invoice,
    };
  }
}
