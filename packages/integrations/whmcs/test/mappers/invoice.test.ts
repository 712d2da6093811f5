import { describe, expect, it } from "vitest";
import { toInvoiceDetail, toInvoiceSummary } from "../../src/mappers/invoice.js";
import { getInvoiceResponseSchema, getInvoicesResponseSchema } from "../../src/raw/invoices.js";
import { fixture } from "../fixtures/fixture.js";

/** GetInvoices rows of a reference example, optionally changed. */
function invoiceRows(name: string, patch: Record<string, unknown> = {}) {
  const body = fixture(name);
  const wrapped = body.invoices as { invoice: Record<string, unknown>[] };
  wrapped.invoice = wrapped.invoice.map((row) => ({ ...row, ...patch }));
  return getInvoicesResponseSchema.parse(body).invoices;
}

/** A GetInvoice reference example, optionally changed. */
function invoice(name: string, patch: Record<string, unknown> = {}) {
  return getInvoiceResponseSchema.parse({ ...fixture(name), ...patch });
}

const BEFORE_DUE = "2016-01-05";
const AFTER_DUE = "2016-01-09";

describe("toInvoiceSummary", () => {
  it.each(["getinvoices", "getinvoices.v7"])("maps the reference row of %s", (name) => {
    const [row] = invoiceRows(name);
    expect(toInvoiceSummary(row!, BEFORE_DUE)).toEqual({
      id: 1,
      number: "1",
      issuedOn: "2016-01-01",
      dueOn: "2016-01-08",
      paidOn: null,
      status: "unpaid",
      subtotal: { amount: 1595, currency: "USD" },
      tax: { amount: 0, currency: "USD" },
      total: { amount: 1595, currency: "USD" },
    });
  });

  it("calls an Unpaid invoice overdue once its due date is before today (UTC)", () => {
    const [row] = invoiceRows("getinvoices");
    expect(toInvoiceSummary(row!, "2016-01-08").status).toBe("unpaid");
    expect(toInvoiceSummary(row!, AFTER_DUE).status).toBe("overdue");
  });

  it("keeps a paid invoice paid after its due date and reads the payment date", () => {
    const [row] = invoiceRows("getinvoices", { status: "Paid", datepaid: "2016-01-07 09:15:00" });
    const summary = toInvoiceSummary(row!, AFTER_DUE);
    expect(summary.status).toBe("paid");
    expect(summary.paidOn).toBe("2016-01-07");
  });

  it("converts JPY amounts to whole yen and adds both tax levels", () => {
    const [row] = invoiceRows("getinvoices.v7", {
      currencycode: "JPY",
      subtotal: "5300.00",
      tax: "500.00",
      tax2: "30.00",
      total: "5830.00",
      invoicenum: "INV-202601-1001",
    });
    const summary = toInvoiceSummary(row!, BEFORE_DUE);
    expect(summary.number).toBe("INV-202601-1001");
    expect(summary.subtotal).toEqual({ amount: 5300, currency: "JPY" });
    expect(summary.tax).toEqual({ amount: 530, currency: "JPY" });
    expect(summary.total).toEqual({ amount: 5830, currency: "JPY" });
  });

  it("refuses a row whose currency is not an ISO 4217 code", () => {
    const [row] = invoiceRows("getinvoices", { currencycode: "$" });
    expect(() => toInvoiceSummary(row!, BEFORE_DUE)).toThrow();
  });
});

describe("toInvoiceDetail", () => {
  it.each(["getinvoice", "getinvoice.v7"])("maps the reference example of %s", (name) => {
    const detail = toInvoiceDetail(invoice(name), "USD", BEFORE_DUE, "UTC");
    expect(detail).toMatchObject({
      id: 1,
      number: "1",
      issuedOn: "2016-01-01",
      paidOn: null,
      total: { amount: 1595, currency: "USD" },
      balance: { amount: 1595, currency: "USD" },
      items: [
        {
          id: 1,
          description: "Sample Monthly Product (01/01/2016 - 31/01/2016)",
          amount: { amount: 1595, currency: "USD" },
          taxed: false,
          taxRate: 0,
        },
      ],
      payments: [],
      notes: "",
    });
  });

  it("uses the current reference's later due date for the status", () => {
    // The current example is due 2020-12-30, the earlier one 2016-01-08.
    expect(toInvoiceDetail(invoice("getinvoice"), "USD", AFTER_DUE, "UTC").status).toBe("unpaid");
    expect(toInvoiceDetail(invoice("getinvoice.v7"), "USD", AFTER_DUE, "UTC").status).toBe(
      "overdue",
    );
  });

  it("maps transactions (GetTransactions row shape) to payments in UTC, refunds negative", () => {
    const raw = invoice("getinvoice.v7", {
      status: "Paid",
      datepaid: "2016-01-02 06:41:11",
      balance: "0.00",
      transactions: {
        transaction: [
          {
            id: "10",
            userid: "1",
            currency: "0",
            gateway: "paypal",
            date: "2016-01-02 06:41:11",
            description: "Invoice Payment",
            amountin: "15.95",
            fees: "0.00",
            amountout: "0.00",
            rate: "1.00000",
            transid: "1479732071aad259f3513ec",
            invoiceid: "1",
            refundid: "0",
          },
          {
            id: "11",
            gateway: "paypal",
            date: "2016-01-03 00:30:00",
            amountin: "0.00",
            amountout: "5.00",
            transid: "refund-1",
          },
        ],
      },
    });
    const detail = toInvoiceDetail(raw, "USD", AFTER_DUE, "Asia/Tokyo");
    expect(detail.status).toBe("paid");
    expect(detail.paidOn).toBe("2016-01-02");
    expect(detail.balance).toEqual({ amount: 0, currency: "USD" });
    expect(detail.payments).toEqual([
      {
        transactionId: "1479732071aad259f3513ec",
        paidAt: "2016-01-01T21:41:11.000Z",
        method: "paypal",
        amount: { amount: 1595, currency: "USD" },
      },
      {
        transactionId: "refund-1",
        paidAt: "2016-01-02T15:30:00.000Z",
        method: "paypal",
        amount: { amount: -500, currency: "USD" },
      },
    ]);
  });

  it("marks taxed lines at the invoice's tax rate and converts amounts in the given currency", () => {
    const raw = invoice("getinvoice", {
      taxrate: "10.00",
      items: {
        item: [
          {
            id: 7,
            type: "Hosting",
            relid: 3,
            description: "Fibre 1G Home",
            amount: "4800.00",
            taxed: 1,
          },
          {
            id: 8,
            type: "Item",
            relid: 0,
            description: "Router rental",
            amount: "500.00",
            taxed: "1",
          },
        ],
      },
    });
    const detail = toInvoiceDetail(raw, "JPY", BEFORE_DUE, "UTC");
    expect(detail.items).toEqual([
      {
        id: 7,
        description: "Fibre 1G Home",
        amount: { amount: 4800, currency: "JPY" },
        taxed: true,
        taxRate: 10,
      },
      {
        id: 8,
        description: "Router rental",
        amount: { amount: 500, currency: "JPY" },
        taxed: true,
        taxRate: 10,
      },
    ]);
  });

  it("gives untaxed lines rate 0 and reads the reduced rate from taxrate", () => {
    const raw = invoice("getinvoice", {
      taxrate: "8.000",
      items: {
        item: [
          { id: 1, type: "Item", relid: 0, description: "Rice 5 kg", amount: "2000.00", taxed: 1 },
          { id: 2, type: "Item", relid: 0, description: "Deposit", amount: "1000.00", taxed: 0 },
        ],
      },
    });
    const items = toInvoiceDetail(raw, "JPY", BEFORE_DUE, "UTC").items;
    expect(items.map((item) => item.taxRate)).toEqual([8, 0]);
  });

  it("refuses a second tax level and a fractional rate (decision 0025)", () => {
    expect(() =>
      toInvoiceDetail(
        invoice("getinvoice", { taxrate: "10.00", taxrate2: "2.00" }),
        "JPY",
        BEFORE_DUE,
        "UTC",
      ),
    ).toThrow("second tax level");
    expect(() =>
      toInvoiceDetail(invoice("getinvoice", { taxrate: "7.5" }), "JPY", BEFORE_DUE, "UTC"),
    ).toThrow("not a whole percentage");
  });
});
