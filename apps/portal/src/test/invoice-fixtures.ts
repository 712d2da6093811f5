import {
  type DashboardSummary,
  type InvoiceDetail,
  type InvoiceStatus,
  type InvoiceSummary,
} from "@portal/domain";

const yen = (amount: number) => ({ amount, currency: "JPY" });

/** A demo-like invoice (¥5,830 incl. 10 % tax, as the sandbox seeds) in `status`. */
export function invoiceSummary(
  id: number,
  status: InvoiceStatus,
  overrides: Partial<InvoiceSummary> = {},
): InvoiceSummary {
  return {
    id,
    number: `INV-202611-${id}`,
    issuedOn: "2026-11-01",
    dueOn: "2026-11-20",
    paidOn: status === "paid" ? "2026-11-10" : null,
    status,
    subtotal: yen(5300),
    tax: yen(530),
    total: yen(5830),
    ...overrides,
  };
}

/** The detail of {@link invoiceSummary}, with one card payment when it is paid. */
export function invoiceDetail(
  id: number,
  status: InvoiceStatus,
  overrides: Partial<InvoiceDetail> = {},
): InvoiceDetail {
  return {
    ...invoiceSummary(id, status),
    items: [{ id: 1, description: "Fibre 1G Home", amount: yen(5300), taxed: true, taxRate: 10 }],
    balance: yen(status === "paid" ? 0 : 5830),
    payments:
      status === "paid"
        ? [
            {
              transactionId: `ch_demo_${id}`,
              paidAt: "2026-11-10T00:30:00.000Z",
              method: "card",
              amount: yen(5830),
            },
          ]
        : [],
    notes: "",
    ...overrides,
  };
}

/** A dashboard summary whose next payment is invoice `id` in `status`. */
export function dashboardSummary(id: number, status: InvoiceStatus): DashboardSummary {
  return {
    customer: { firstName: "Taro", lastName: "Yamada", customerNumber: "100001" },
    invoices: {
      unpaidCount: 1,
      unpaidTotal: yen(5830),
      overdueCount: status === "overdue" ? 1 : 0,
      nextDue: {
        invoiceId: id,
        number: `INV-202611-${id}`,
        dueOn: "2026-11-20",
        status,
        total: yen(5830),
      },
    },
    hasPaymentMethod: true,
  };
}
