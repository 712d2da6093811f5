import { intParam, textParam } from "../action-params.js";
import { WhmcsActionError } from "../action-error.js";
import { payMethod } from "../wire-format.js";
import type { WhmcsAction } from "../whmcs-action.js";

/**
 * GetPayMethods: the client's saved pay methods, optionally one `paymethodid` or one `type`
 * (`CreditCard` includes remote cards, `BankAccount` remote accounts).
 * Source: WHMCS/developer-docs api-reference/getpaymethods.md.
 */
export const getPayMethods: WhmcsAction = (params, context) => {
  const clientId = intParam(params, "clientid");
  if (clientId === undefined) throw new WhmcsActionError("Client ID Is Required");
  if (!context.store.state.clients.some((client) => client.id === clientId)) {
    throw new WhmcsActionError("Client Not Found");
  }
  const type = textParam(params, "type");
  if (type !== undefined && type !== "CreditCard" && type !== "BankAccount") {
    throw new WhmcsActionError("Invalid Pay Method Type. Should be 'BankAccount' or 'CreditCard'");
  }
  const payMethodId = intParam(params, "paymethodid");
  const methods = context.store.state.payMethods
    .filter((method) => method.clientId === clientId)
    .filter((method) => payMethodId === undefined || method.id === payMethodId)
    .filter((method) => type === undefined || method.type.endsWith(type));
  return { result: "success", clientid: String(clientId), paymethods: methods.map(payMethod) };
};
