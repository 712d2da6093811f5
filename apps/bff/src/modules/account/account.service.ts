import { Injectable } from "@nestjs/common";
import {
  type AddressUpdate,
  type CustomerProfile,
  type DashboardSummary,
  type InvoiceSummary,
  isPayable,
  type ProfileUpdate,
  sumMoney,
} from "@portal/domain";
import { WhmcsClient } from "@portal/whmcs";
import { type ClientInfo } from "../auth/client-info.js";
import { InvoicesService } from "../billing/invoices.service.js";
import { PaymentMethodsService } from "../billing/payment-methods.service.js";
import { ContactSync } from "../customer/contact-sync.js";
import { CustomerService } from "../customer/customer.service.js";
import { AuditLogRepository } from "../database/repositories/audit-log.repository.js";
import { BillingAddressSync } from "./billing-address-sync.js";

/** `/api/me*`: the profile, its changes, and the dashboard summary. */
@Injectable()
export class AccountService {
  constructor(
    private readonly customers: CustomerService,
    private readonly invoices: InvoicesService,
    private readonly paymentMethods: PaymentMethodsService,
    private readonly whmcs: WhmcsClient,
    private readonly addressSync: BillingAddressSync,
    private readonly contactSync: ContactSync,
    private readonly audit: AuditLogRepository,
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
      lastNameKana: billing.lastNameKana,
      firstNameKana: billing.firstNameKana,
      phone: billing.phone,
      customerNumber: mapping.customerNumber,
      address: billing.address,
      createdAt: user.createdAt.toISOString(),
    };
  }

  /**
   * Changes names, their katakana readings and/or phone in WHMCS (UpdateClient, authoritative;
   * the readings in client custom fields), drops the cached profile, records `profile_updated`
   * (which fields, not their values), then copies them to the Salesforce Contact — inline, or
   * through a durable job when Salesforce fails (decision 0039); returns the new profile.
   * A WHMCS failure changes nothing (one UpdateClient call).
   * @throws WhmcsError when WHMCS fails (→ 502/503); AppError UNAUTHENTICATED.
   */
  async updateProfile(
    userId: string,
    patch: ProfileUpdate,
    client: ClientInfo,
  ): Promise<CustomerProfile> {
    const { mapping } = await this.customers.byUserId(userId);
    await this.whmcs.clients.update(mapping.whmcsClientId, patch);
    await this.customers.forgetBillingProfile(mapping.whmcsClientId);
    await this.audit.record({
      event: "profile_updated",
      userId,
      ...client,
      detail: { fields: Object.keys(patch).sort() },
    });
    await this.contactSync.syncSoon(mapping.whmcsClientId, mapping.sfAccountId);
    return this.profile(userId);
  }

  /**
   * Replaces the address in WHMCS first (authoritative), drops the cached profile, records
   * `address_updated`, then copies it to the Salesforce Account's billing address — inline, or
   * through a durable job when Salesforce fails (decision 0032). A WHMCS failure changes nothing.
   * @throws WhmcsError when WHMCS fails (→ 502/503); AppError UNAUTHENTICATED.
   */
  async updateAddress(
    userId: string,
    address: AddressUpdate,
    client: ClientInfo,
  ): Promise<CustomerProfile> {
    const { mapping } = await this.customers.byUserId(userId);
    await this.whmcs.clients.update(mapping.whmcsClientId, { address });
    await this.customers.forgetBillingProfile(mapping.whmcsClientId);
    await this.audit.record({ event: "address_updated", userId, ...client });
    await this.addressSync.syncSoon(mapping.whmcsClientId, mapping.sfAccountId);
    return this.profile(userId);
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
