import { Injectable } from "@nestjs/common";
import {
  type CustomerProfile,
  type DashboardSummary,
  type InvoiceSummary,
  isPayable,
  sumMoney,
} from "@portal/domain";
import { InvoicesService } from "../billing/invoices.service.js";
import { PaymentMethodsService } from "../billing/payment-methods.service.js";
import { CustomerService } from "../customer/customer.service.js";

/** `GET /api/me` and `GET /api/me/summary`. */
@Injectable()
export class AccountService {
  constructor(
    private readonly customers: CustomerService,
    private readonly invoices: InvoicesService,
    private readonly paymentMethods: PaymentMethodsService,
  ) {}

  /** The profile: portal identity joined with the WHMCS client (authoritative for names and address). */
  async profile(userId: string): Promise<CustomerProfile> {
    const { user, mapping } = await this.customers.byUserId(userId);
    const billing = await this.customers.billingProfile(mapping.whmcsClientId);
    return {
      id: user.id,
      email: user.email,
      firstName: billing.firstName,
      lastName: billing.lastName,
      phone: billing.phone,
      customerNumber: mapping.customerNumber,
      address: billing.address,
      createdAt: user.createdAt.toISOString(),
    };
  }

  /**
   * The dashboard: what is owed — every payable invoice among those WHMCS holds as Unpaid, the
   * overdue ones counted apart, the earliest due date first — and whether a payment method is saved.
   * Money in the client's currency (integer minor units).
   */
  async summary(userId: string): Promise<DashboardSummary> {
    const identity = await this.customers.identityOf(userId);
    const clientId = identity.whmcsClientId;
    const [billing, unpaid, paymentMethods] = await Promise.all([
      this.customers.billingProfile(clientId),
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
