import { Injectable } from "@nestjs/common";
import { type DashboardSummary, type InvoiceSummary, isPayable, sumMoney } from "@portal/domain";
import { BillingProfileService } from "../billing/billing-profile.service.js";
import { InvoicesService } from "../billing/invoices.service.js";
import { PaymentMethodsService } from "../billing/payment-methods.service.js";
import { IdentityService } from "../identity/identity.service.js";

/** `GET /api/me/summary`: the dashboard, from the services identity and billing export. */
@Injectable()
export class DashboardService {
  constructor(
    private readonly identities: IdentityService,
    private readonly billingProfiles: BillingProfileService,
    private readonly invoices: InvoicesService,
    private readonly paymentMethods: PaymentMethodsService,
  ) {}

  /**
   * The dashboard: what is owed — every payable invoice among those WHMCS holds as Unpaid, the
   * overdue ones counted apart, the earliest due date first — and whether a payment method is saved.
   * Money in the client's currency (integer minor units).
   */
  async summary(userId: string): Promise<DashboardSummary> {
    const identity = await this.identities.identityOf(userId);
    const clientId = identity.whmcsClientId;
    const [billing, unpaid, paymentMethods] = await Promise.all([
      this.billingProfiles.of(clientId),
      this.invoices.unpaid(clientId),
      this.paymentMethods.forClient(clientId),
    ]);
    const payable = unpaid.filter((invoice) => isPayable(invoice.status));
    const next = payable.reduce<InvoiceSummary | null>(
      (earliest, invoice) =>
        earliest === null || invoice.dueOn < earliest.dueOn ? invoice : earliest,
      null,
    );
    return {
      customer: {
        firstName: billing.firstName,
        lastName: billing.lastName,
        customerNumber: identity.customerNumber,
      },
      invoices: {
        unpaidCount: payable.length,
        unpaidTotal: sumMoney(
          payable.map((invoice) => invoice.total),
          billing.currency,
        ),
        overdueCount: payable.filter((invoice) => invoice.status === "overdue").length,
        nextDue: next && {
          invoiceId: next.id,
          number: next.number,
          dueOn: next.dueOn,
          status: next.status,
          total: next.total,
        },
      },
      hasPaymentMethod: paymentMethods.length > 0,
    };
  }
}
