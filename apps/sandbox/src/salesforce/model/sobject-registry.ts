import { ACCOUNT } from "./account.js";
import { CASE } from "./case.js";
import { CONTACT } from "./contact.js";
import { PRICEBOOK_ENTRY } from "./pricebook-entry.js";
import { PRICEBOOK2 } from "./pricebook2.js";
import { PRODUCT2 } from "./product2.js";
import { ORDER } from "./order.js";
import { ORDER_HISTORY } from "./order-history.js";
import { ORDER_ITEM } from "./order-item.js";
import type { SObjectDescriptor } from "./sobject-type.js";

/** Every sObject type the sandbox serves. New types are added here. */
export const SOBJECT_TYPES: readonly SObjectDescriptor[] = [
  ACCOUNT,
  CONTACT,
  CASE,
  PRODUCT2,
  PRICEBOOK2,
  PRICEBOOK_ENTRY,
  ORDER,
  ORDER_ITEM,
  ORDER_HISTORY,
];

/** Case-insensitive type lookup (`account` → Account); undefined for unknown types. */
export function findSObjectType(name: string): SObjectDescriptor | undefined {
  const wanted = name.toLowerCase();
  return SOBJECT_TYPES.find((type) => type.name.toLowerCase() === wanted);
}
