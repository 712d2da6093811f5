import {
  REDUCED_TAX_RATE,
  sumMoney,
  taxByRate,
  type Money,
  type TaxRateTotal,
} from "@portal/domain";
import { documentText, type DocumentText } from "./document-text.js";
import { type InvoiceDocument } from "./invoice-document.js";
import { japaneseFont } from "./japanese-font.js";
import { formatDate, formatMoney } from "./pdf-format.js";

/* A4 portrait in PDF points (1/72 in), 50 pt margins. */
const PAGE = { width: 595.28, height: 841.89, margin: 50 } as const;
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const RIGHT_COLUMN_X = 330;
const RIGHT_COLUMN_WIDTH = PAGE.width - PAGE.margin - RIGHT_COLUMN_X;
/** Where a new page starts when the item table runs past {@link PAGE_BOTTOM}. */
const PAGE_BOTTOM = PAGE.height - PAGE.margin - 40;
const MUTED = "#555555";
const RULE = "#999999";

const REGULAR = "regular";
const BOLD = "bold";

type Pdf = PDFKit.PDFDocument;

/** The per-rate figures of an invoice, all derived from its lines (decision 0025). */
interface Totals {
  byRate: TaxRateTotal[];
  subtotal: Money;
  tax: Money;
  total: Money;
}

function totalsOf(document: InvoiceDocument): Totals {
  const { currency } = document.invoice.total;
  const byRate = taxByRate(document.invoice.items, currency);
  const subtotal = sumMoney(
    byRate.map((rate) => rate.base),
    currency,
  );
  const tax = sumMoney(
    byRate.map((rate) => rate.tax),
    currency,
  );
  return { byRate, subtotal, tax, total: sumMoney([subtotal, tax], currency) };
}

/**
 * Starts an A4 PDF with the Japanese font registered (pdfkit embeds only the glyphs used: a
 * subset) and collects its bytes.
 */
async function startPdf(
  title: string,
  document: InvoiceDocument,
): Promise<{ pdf: Pdf; finished: Promise<Buffer> }> {
  // pdfkit is loaded with the first PDF, like the font: most processes never render one (0047).
  const [font, { default: PDFDocument }] = await Promise.all([japaneseFont(), import("pdfkit")]);
  const pdf = new PDFDocument({
    size: "A4",
    margin: PAGE.margin,
    info: { Title: title, Author: document.issuer.name, Subject: document.invoice.number },
    lang: document.language,
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  pdf.registerFont(REGULAR, font.regular);
  pdf.registerFont(BOLD, font.bold);
  pdf.font(REGULAR).fillColor("black");
  return { pdf, finished };
}

function title(pdf: Pdf, text: string): void {
  pdf
    .font(BOLD)
    .fontSize(20)
    .text(text, PAGE.margin, PAGE.margin, { width: CONTENT_WIDTH, align: "center" });
}

/** The recipient's name, underlined, at the left; returns the y below it. */
function recipient(pdf: Pdf, document: InvoiceDocument, text: DocumentText, y: number): number {
  const name = text.recipient(document.recipient.familyName, document.recipient.givenName);
  pdf.font(BOLD).fontSize(14).text(name, PAGE.margin, y, { width: 260 });
  const below = pdf.y + 2;
  pdf
    .moveTo(PAGE.margin, below)
    .lineTo(PAGE.margin + 260, below)
    .strokeColor(RULE)
    .stroke();
  return below + 8;
}

/** Label/value rows in the right column; returns the y below them. */
function metaRows(pdf: Pdf, rows: [string, string][], y: number): number {
  let rowY = y;
  pdf.fontSize(9.5);
  for (const [label, value] of rows) {
    pdf.font(REGULAR).fillColor(MUTED).text(label, RIGHT_COLUMN_X, rowY, { width: 95 });
    pdf
      .font(REGULAR)
      .fillColor("black")
      .text(value, RIGHT_COLUMN_X + 95, rowY, { width: RIGHT_COLUMN_WIDTH - 95, align: "right" });
    rowY += 15;
  }
  return rowY;
}

/** The issuer's name, registration number, address and phone in the right column. */
function issuerBlock(pdf: Pdf, document: InvoiceDocument, text: DocumentText, y: number): number {
  const { issuer } = document;
  pdf.font(BOLD).fontSize(11).fillColor("black");
  pdf.text(issuer.name, RIGHT_COLUMN_X, y, { width: RIGHT_COLUMN_WIDTH, lineGap: 3 });
  pdf.font(REGULAR).fontSize(9.5);
  const line = { width: RIGHT_COLUMN_WIDTH, lineGap: 2 };
  pdf.text(`${text.registrationNumber}: ${issuer.registrationNumber}`, line);
  if (issuer.address) {
    pdf.text(issuer.address, line);
  }
  if (issuer.phone) {
    pdf.text(`${text.phone}: ${issuer.phone}`, line);
  }
  return pdf.y;
}

/** A boxed headline amount ("ご請求金額 ￥5,830 (税込)"); returns the y below the box. */
function amountBox(pdf: Pdf, label: string, amount: string, note: string, y: number): number {
  const width = 260;
  const height = 52;
  pdf.rect(PAGE.margin, y, width, height).strokeColor("black").lineWidth(1).stroke();
  pdf
    .font(REGULAR)
    .fontSize(9)
    .fillColor(MUTED)
    .text(label, PAGE.margin + 10, y + 7, { width: width - 20 });
  pdf
    .font(BOLD)
    .fontSize(18)
    .fillColor("black")
    .text(amount, PAGE.margin + 10, y + 22, { width: 150, align: "right" });
  pdf
    .font(REGULAR)
    .fontSize(9)
    .text(note, PAGE.margin + 166, y + 29, { width: width - 172 });
  return y + height;
}

/** Column layout of the item table: description, rate, amount excluding tax. */
const COLUMNS = {
  description: { x: PAGE.margin + 6, width: 300 },
  rate: { x: PAGE.margin + 310, width: 70 },
  amount: { x: PAGE.margin + 385, width: CONTENT_WIDTH - 391 },
} as const;

/**
 * The item table: one row per invoice line; reduced-rate lines end in "※" (the qualified-invoice
 * marking of 軽減税率 items). Breaks onto a new page when it runs out of room.
 */
function itemTable(pdf: Pdf, document: InvoiceDocument, text: DocumentText, y: number): number {
  const header = (top: number): number => {
    pdf.rect(PAGE.margin, top, CONTENT_WIDTH, 20).fillColor("#eeeeee").fill();
    pdf.font(BOLD).fontSize(9.5).fillColor("black");
    pdf.text(text.description, COLUMNS.description.x, top + 5, {
      width: COLUMNS.description.width,
    });
    pdf.text(text.rate, COLUMNS.rate.x, top + 5, { width: COLUMNS.rate.width, align: "right" });
    pdf.text(text.amountExclTax, COLUMNS.amount.x, top + 5, {
      width: COLUMNS.amount.width,
      align: "right",
    });
    return top + 24;
  };

  let rowY = header(y);
  pdf.font(REGULAR).fontSize(9.5);
  for (const item of document.invoice.items) {
    const reduced = item.taxRate === REDUCED_TAX_RATE;
    const description = reduced ? `${item.description} ※` : item.description;
    const height = pdf.heightOfString(description, { width: COLUMNS.description.width });
    if (rowY + height > PAGE_BOTTOM) {
      pdf.addPage();
      rowY = header(PAGE.margin);
      pdf.font(REGULAR).fontSize(9.5);
    }
    pdf.fillColor("black");
    pdf.text(description, COLUMNS.description.x, rowY, { width: COLUMNS.description.width });
    pdf.text(
      item.taxRate === 0 ? text.notTaxable : text.rateLabel(item.taxRate),
      COLUMNS.rate.x,
      rowY,
      { width: COLUMNS.rate.width, align: "right" },
    );
    pdf.text(formatMoney(item.amount, text.locale), COLUMNS.amount.x, rowY, {
      width: COLUMNS.amount.width,
      align: "right",
    });
    rowY += height + 6;
    pdf
      .moveTo(PAGE.margin, rowY - 3)
      .lineTo(PAGE.margin + CONTENT_WIDTH, rowY - 3)
      .strokeColor("#dddddd")
      .lineWidth(0.5)
      .stroke();
  }
  return rowY;
}

/** Columns of the summary under the item table: label, amount at a rate, its tax (or a total). */
const SUMMARY = {
  label: { x: 190, width: 140 },
  amount: { x: 330, width: 70 },
  tax: { x: 405, width: PAGE.width - PAGE.margin - 405 },
} as const;

/**
 * One summary line: `label`, then either a per-rate amount and its tax ("10%対象 ￥5,300 消費税
 * ￥530") or, when `tax` is null, a total in the tax column.
 */
function summaryLine(
  pdf: Pdf,
  y: number,
  label: string,
  amount: string,
  tax: string | null,
  bold = false,
): number {
  pdf
    .font(bold ? BOLD : REGULAR)
    .fontSize(9.5)
    .fillColor("black");
  pdf.text(label, SUMMARY.label.x, y, SUMMARY.label);
  const amountColumn = tax === null ? SUMMARY.tax : SUMMARY.amount;
  pdf.text(amount, amountColumn.x, y, { width: amountColumn.width, align: "right" });
  if (tax !== null) {
    pdf.text(tax, SUMMARY.tax.x, y, { width: SUMMARY.tax.width, align: "right" });
  }
  return y + 16;
}

/**
 * Per rate: the total at that rate and its consumption tax ("10%対象 ￥5,300 消費税 ￥530"), the
 * lines a qualified invoice must carry; then, unless `compact`, subtotal, tax and total.
 */
function taxSummary(pdf: Pdf, totals: Totals, text: DocumentText, y: number, compact: boolean) {
  let rowY = y;
  for (const rate of totals.byRate) {
    rowY =
      rate.rate === 0
        ? summaryLine(pdf, rowY, text.notTaxableTotal, formatMoney(rate.base, text.locale), "")
        : summaryLine(
            pdf,
            rowY,
            text.rateTotal(rate.rate),
            formatMoney(rate.base, text.locale),
            `${text.consumptionTax} ${formatMoney(rate.tax, text.locale)}`,
          );
  }
  if (compact) {
    return rowY;
  }
  rowY += 6;
  rowY = summaryLine(pdf, rowY, text.subtotal, formatMoney(totals.subtotal, text.locale), null);
  rowY = summaryLine(pdf, rowY, text.totalTax, formatMoney(totals.tax, text.locale), null);
  return summaryLine(pdf, rowY, text.total, formatMoney(totals.total, text.locale), null, true);
}

/**
 * The qualified invoice (適格請求書) of `document.invoice` as a PDF: issuer name and registration
 * number, recipient, invoice and transaction dates, every line with its rate (reduced-rate lines
 * marked ※), per rate the total and the consumption tax rounded once (decision 0025), and the
 * total. The transaction date is the invoice date: WHMCS bills each period on the day it issues
 * the invoice, and the period itself is in the line descriptions.
 * @returns the PDF bytes.
 */
export async function renderInvoicePdf(document: InvoiceDocument): Promise<Buffer> {
  const text = documentText(document.language);
  const { invoice } = document;
  const totals = totalsOf(document);
  const { pdf, finished } = await startPdf(text.invoiceTitle, document);

  title(pdf, text.invoiceTitle);
  const top = 100;
  const afterRecipient = recipient(pdf, document, text, top);
  const afterMeta = metaRows(
    pdf,
    [
      [text.invoiceNumber, invoice.number],
      [text.invoiceDate, formatDate(invoice.issuedOn, text.locale)],
      [text.transactionDate, formatDate(invoice.issuedOn, text.locale)],
      [text.dueDate, formatDate(invoice.dueOn, text.locale)],
    ],
    top,
  );
  const afterIssuer = issuerBlock(pdf, document, text, afterMeta + 10);
  const afterBox = amountBox(
    pdf,
    text.amountBilled,
    formatMoney(totals.total, text.locale),
    text.taxIncluded,
    afterRecipient + 24,
  );

  let y = itemTable(pdf, document, text, Math.max(afterIssuer, afterBox) + 24);
  if (y + 140 > PAGE_BOTTOM) {
    pdf.addPage();
    y = PAGE.margin;
  }
  y = taxSummary(pdf, totals, text, y + 10, false);
  if (invoice.items.some((item) => item.taxRate === REDUCED_TAX_RATE)) {
    pdf
      .font(REGULAR)
      .fontSize(8.5)
      .fillColor(MUTED)
      .text(text.reducedRateNote, PAGE.margin, y + 8, { width: CONTENT_WIDTH });
  }
  pdf.end();
  return finished;
}

/**
 * The receipt (領収書) of a paid invoice as a PDF: amount received (the invoice total), the date
 * received, what it pays, the per-rate breakdown with its consumption tax, and the issuer with
 * the registration number. The caller checks the invoice is paid.
 * @returns the PDF bytes.
 */
export async function renderReceiptPdf(document: InvoiceDocument): Promise<Buffer> {
  const text = documentText(document.language);
  const { invoice } = document;
  const totals = totalsOf(document);
  const { pdf, finished } = await startPdf(text.receiptTitle, document);

  title(pdf, text.receiptTitle);
  const top = 100;
  const afterRecipient = recipient(pdf, document, text, top);
  metaRows(
    pdf,
    [
      [text.invoiceNumber, invoice.number],
      [text.paidDate, invoice.paidOn ? formatDate(invoice.paidOn, text.locale) : "—"],
    ],
    top,
  );
  const afterBox = amountBox(
    pdf,
    text.amountReceived,
    formatMoney(invoice.total, text.locale),
    text.taxIncluded,
    afterRecipient + 24,
  );
  pdf
    .font(REGULAR)
    .fontSize(10)
    .fillColor("black")
    .text(text.receiptFor(invoice.number), PAGE.margin, afterBox + 12, { width: CONTENT_WIDTH });
  pdf
    .font(BOLD)
    .fontSize(10)
    .text(text.receiptBreakdown, SUMMARY.label.x, pdf.y + 14, SUMMARY.label);
  const afterBreakdown = taxSummary(pdf, totals, text, pdf.y + 4, true);
  pdf
    .font(REGULAR)
    .fontSize(9)
    .fillColor(MUTED)
    .text(text.issuer, RIGHT_COLUMN_X, afterBreakdown + 30, { width: RIGHT_COLUMN_WIDTH });
  issuerBlock(pdf, document, text, pdf.y + 2);
  pdf.end();
  return finished;
}
