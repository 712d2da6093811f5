import { type Address, prefectureNameJa } from "@portal/domain";
import {
  CASE_ORIGIN_PORTAL,
  CASE_TYPE_INTERNET_ELIGIBILITY,
  type RawNewCase,
} from "../raw/case.js";

/** What the Case asking staff to check an address for fibre is about. */
export interface EligibilityCaseRequest {
  /** The Account (Id) whose address is checked. */
  accountId: string;
  /** The Account's Contact (Id), when the portal knows it. */
  contactId: string | null;
  /** The customer number (`SF_Account_No__c`), repeated in the text for staff. */
  customerNumber: string;
  address: Address;
}

/** The address on one line as a Japanese letter writes it: `〒150-0001 東京都渋谷区神宮前1-2-3 ハイツ101`. */
function addressLine(address: Address): string {
  const building = address.building ? ` ${address.building}` : "";
  return `〒${address.postcode} ${prefectureNameJa(address.prefecture)}${address.city}${address.street}${building}`;
}

/**
 * The eligibility request → `POST sobjects/Case` body: Origin `Portal Website`, Type
 * `Internet Eligibility`, Status `New`, Priority `Medium`, the Account and (when known) Contact,
 * a Subject and Description in Japanese first, then English, naming the address to check and what
 * staff set when done (`Internet_Eligibility_Status__c` `Eligible` with `Internet_Eligibility__c`,
 * or `Ineligible`). Source: issue 7 "Internet eligibility"; DESIGN.md §4 (Case).
 */
export function toEligibilityCase(request: EligibilityCaseRequest): RawNewCase {
  const line = addressLine(request.address);
  const description = [
    "ポータルから、インターネット（光回線）の提供可否確認の依頼がありました。",
    `お客様番号: ${request.customerNumber}`,
    `確認する住所: ${line}`,
    "確認後、取引先の「Internet_Eligibility_Status__c」を Eligible（「Internet_Eligibility__c」に提供タイプ）または Ineligible に設定してください。",
    "",
    "The customer asked through the portal whether fibre internet is available at their address.",
    `Customer number: ${request.customerNumber}`,
    `Address to check: ${line}`,
    "When checked, set the Account's Internet_Eligibility_Status__c to Eligible (with the offering type in Internet_Eligibility__c) or Ineligible.",
  ].join("\n");
  return {
    Subject: `インターネット提供可否確認 / Internet eligibility check: ${line}`.slice(0, 255),
    Description: description,
    Origin: CASE_ORIGIN_PORTAL,
    Type: CASE_TYPE_INTERNET_ELIGIBILITY,
    Status: "New",
    Priority: "Medium",
    AccountId: request.accountId,
    ...(request.contactId === null ? {} : { ContactId: request.contactId }),
  };
}
