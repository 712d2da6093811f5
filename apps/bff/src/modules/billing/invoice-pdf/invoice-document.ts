import { type DocumentLanguage, type InvoiceDetail } from "@portal/domain";

/**
 * The issuer printed on every invoice and receipt (config `INVOICE_ISSUER_*`): a qualified
 * invoice needs the name and the registration number (`T` + 13 digits); address and phone are
 * printed when configured.
 */
export interface InvoiceIssuer {
  name: string;
  registrationNumber: string;
  address: string | null;
  phone: string | null;
}

/** Everything one invoice or receipt PDF shows. */
export interface InvoiceDocument {
  language: DocumentLanguage;
  issuer: InvoiceIssuer;
  /** The customer as WHMCS names them (family name = WHMCS `lastname`). */
  recipient: { familyName: string; givenName: string };
  invoice: InvoiceDetail;
}
