import { ACCOUNT } from "./account.js";
import { CONTACT } from "./contact.js";
import { ORDER } from "./order.js";
import { ORDER_HISTORY } from "./order-history.js";
import { ORDER_ITEM } from "./order-item.js";
import type { SObjectDescriptor } from "./sobject-type.js";

/** Every sObject type the sandbox serves. Product2, Order, Case… are added here. */
export const SOBJECT_TYPES: readonly SObjectDescriptor[] = [
  ACCOUNT,
  CONTACT,
  ORDER,
  ORDER_ITEM,
  ORDER_HISTORY,
];

/** Case-insensitive type lookup (`account` → Account); undefined for unknown types. */
export function findSObjectType(name: string): SObjectDescriptor | undefined {
  const wanted = name.toLowerCase();
  return SOBJECT_TYPES.find((type) => type.name.toLowerCase() === wanted);
}
