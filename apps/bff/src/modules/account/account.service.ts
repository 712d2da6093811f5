import { Injectable } from "@nestjs/common";
import { type AddressUpdate, type CustomerProfile, type ProfileUpdate } from "@portal/domain";
import { WhmcsClient } from "@portal/whmcs";
import { type ClientInfo } from "../auth/client-info.js";
import { BillingProfileService } from "../billing/billing-profile.service.js";
import { ContactSync } from "../identity/contact-sync.js";
import { IdentityService } from "../identity/identity.service.js";
import { AuditLogRepository } from "../auth/repositories/audit-log.repository.js";
import { BillingAddressSync } from "./billing-address-sync.js";

/** `/api/me*`: the profile and its changes. */
@Injectable()
export class AccountService {
  constructor(
    private readonly identities: IdentityService,
    private readonly billingProfiles: BillingProfileService,
    private readonly whmcs: WhmcsClient,
    private readonly addressSync: BillingAddressSync,
    private readonly contactSync: ContactSync,
    private readonly audit: AuditLogRepository,
  ) {}

  /** The profile: portal identity joined with the WHMCS client (authoritative for names and address). */
  async profile(userId: string): Promise<CustomerProfile> {
    const { user, mapping } = await this.identities.byUserId(userId);
    const billing = await this.billingProfiles.of(mapping.whmcsClientId);
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
    const { mapping } = await this.identities.byUserId(userId);
    await this.whmcs.clients.update(mapping.whmcsClientId, patch);
    await this.billingProfiles.forget(mapping.whmcsClientId);
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
    const { mapping } = await this.identities.byUserId(userId);
    await this.whmcs.clients.update(mapping.whmcsClientId, { address });
    await this.billingProfiles.forget(mapping.whmcsClientId);
    await this.audit.record({ event: "address_updated", userId, ...client });
    await this.addressSync.syncSoon(mapping.whmcsClientId, mapping.sfAccountId);
    return this.profile(userId);
  }
}
