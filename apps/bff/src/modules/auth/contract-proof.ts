import { Injectable } from "@nestjs/common";
import { samePhoneNumber } from "@portal/domain";
import { SalesforceClient } from "@portal/salesforce";
import { signupDetailsNotMatched } from "./signup-errors.js";

/**
 * Whether a sign-up holds the contract it names (decision 0037): the phone it gives must be one
 * Salesforce has on record for the customer number — the Account's or a Contact's `Phone`,
 * compared as national digits (`samePhoneNumber`: full-width digits, dashes, `+81` vs `0`). An
 * unknown number, another phone and a registered number with another phone all get the one
 * answer after the same Salesforce work, so a stranger who counts up customer numbers learns
 * nothing; Salesforce's answer is never cached here, so a corrected record counts at once.
 */
@Injectable()
export class ContractProof {
  constructor(private readonly salesforce: SalesforceClient) {}

  /**
   * Resolves when `phone` is on record for `customerNumber`.
   * @throws AppError SIGNUP_DETAILS_NOT_MATCHED otherwise; `SalesforceError` when Salesforce fails.
   */
  async check(customerNumber: string, phone: string): Promise<void> {
    const phones = await this.salesforce.accounts.contractPhones(customerNumber);
    if (!phones.some((onRecord) => samePhoneNumber(onRecord, phone))) {
      throw signupDetailsNotMatched();
    }
  }
}
