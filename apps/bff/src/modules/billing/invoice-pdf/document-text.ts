import { type DocumentLanguage } from "@portal/domain";

/**
 * Every fixed text of the invoice and receipt PDFs, per language. The Japanese legal names of the
 * documents (適格請求書, 領収書) stay in the English version too, so either one is recognisably the
 * qualified document (decision 0026).
 */
export interface DocumentText {
  /** BCP 47 tag for numbers and dates. */
  locale: string;
  invoiceTitle: string;
  receiptTitle: string;
  /** The recipient line, e.g. "山田 太郎 様". */
  recipient(familyName: string, givenName: string): string;
  invoiceNumber: string;
  invoiceDate: string;
  transactionDate: string;
  dueDate: string;
  paidDate: string;
  registrationNumber: string;
  phone: string;
  amountBilled: string;
  amountReceived: string;
  taxIncluded: string;
  description: string;
  rate: string;
  amountExclTax: string;
  /** The rate column and the per-rate total line, e.g. "10%" / "10%対象". */
  rateLabel(rate: number): string;
  rateTotal(rate: number): string;
  notTaxable: string;
  notTaxableTotal: string;
  consumptionTax: string;
  subtotal: string;
  totalTax: string;
  total: string;
  reducedRateNote: string;
  /** The receipt's "for" line: what was paid. */
  receiptFor(invoiceNumber: string): string;
  receiptBreakdown: string;
  issuer: string;
}

const JA: DocumentText = {
  locale: "ja-JP",
  invoiceTitle: "適格請求書",
  receiptTitle: "領収書",
  recipient: (familyName, givenName) => `${familyName} ${givenName} 様`,
  invoiceNumber: "請求書番号",
  invoiceDate: "請求日",
  transactionDate: "取引年月日",
  dueDate: "お支払期限",
  paidDate: "領収日",
  registrationNumber: "登録番号",
  phone: "電話",
  amountBilled: "ご請求金額",
  amountReceived: "領収金額",
  taxIncluded: "(税込)",
  description: "内容",
  rate: "税率",
  amountExclTax: "金額(税抜)",
  rateLabel: (rate) => `${rate}%`,
  rateTotal: (rate) => `${rate}%対象`,
  notTaxable: "対象外",
  notTaxableTotal: "消費税対象外",
  consumptionTax: "消費税",
  subtotal: "小計(税抜)",
  totalTax: "消費税合計",
  total: "合計(税込)",
  reducedRateNote: "※ は軽減税率(8%)対象",
  receiptFor: (invoiceNumber) => `但し 請求書番号 ${invoiceNumber} のお支払いとして`,
  receiptBreakdown: "内訳",
  issuer: "発行者",
};

const EN: DocumentText = {
  locale: "en-GB",
  invoiceTitle: "Qualified invoice (適格請求書)",
  receiptTitle: "Receipt (領収書)",
  recipient: (familyName, givenName) => `${givenName} ${familyName}`,
  invoiceNumber: "Invoice number",
  invoiceDate: "Invoice date",
  transactionDate: "Transaction date",
  dueDate: "Due date",
  paidDate: "Date received",
  registrationNumber: "Registration number",
  phone: "Phone",
  amountBilled: "Amount due",
  amountReceived: "Amount received",
  taxIncluded: "(tax included)",
  description: "Description",
  rate: "Tax rate",
  amountExclTax: "Amount (excl. tax)",
  rateLabel: (rate) => `${rate}%`,
  rateTotal: (rate) => `Subject to ${rate}%`,
  notTaxable: "Not taxable",
  notTaxableTotal: "Not taxable (total)",
  consumptionTax: "Consumption tax",
  subtotal: "Subtotal (excl. tax)",
  totalTax: "Consumption tax total",
  total: "Total (incl. tax)",
  reducedRateNote: "※ Reduced tax rate (8%) item",
  receiptFor: (invoiceNumber) => `In payment of invoice ${invoiceNumber}`,
  receiptBreakdown: "Breakdown",
  issuer: "Issued by",
};

/** The texts of `language`. */
export function documentText(language: DocumentLanguage): DocumentText {
  return language === "ja" ? JA : EN;
}
