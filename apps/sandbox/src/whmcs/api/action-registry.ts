import { acceptOrder } from "./actions/accept-order.js";
import { addClient } from "./actions/add-client.js";
import { addOrder } from "./actions/add-order.js";
import { createSsoToken } from "./actions/create-sso-token.js";
import { getClients } from "./actions/get-clients.js";
import { getClientsDetails } from "./actions/get-clients-details.js";
import { getClientsProducts } from "./actions/get-clients-products.js";
import { getCurrencies } from "./actions/get-currencies.js";
import { getInvoice } from "./actions/get-invoice.js";
import { getInvoices } from "./actions/get-invoices.js";
import { getOrders } from "./actions/get-orders.js";
import { getPayMethods } from "./actions/get-pay-methods.js";
import { getPaymentMethods } from "./actions/get-payment-methods.js";
import { getProducts } from "./actions/get-products.js";
import { updateClient } from "./actions/update-client.js";
import { validateLogin } from "./actions/validate-login.js";
import { whmcsDetails } from "./actions/whmcs-details.js";
import type { WhmcsAction } from "./whmcs-action.js";

/** The External API actions the sandbox implements, by their documented names. */
const ACTIONS: Record<string, WhmcsAction> = {
  AddClient: addClient,
  GetClients: getClients,
  GetClientsDetails: getClientsDetails,
  UpdateClient: updateClient,
  ValidateLogin: validateLogin,
  GetInvoices: getInvoices,
  GetInvoice: getInvoice,
  CreateSsoToken: createSsoToken,
  GetPayMethods: getPayMethods,
  GetPaymentMethods: getPaymentMethods,
  GetCurrencies: getCurrencies,
  WhmcsDetails: whmcsDetails,
  GetProducts: getProducts,
  AddOrder: addOrder,
  AcceptOrder: acceptOrder,
  GetOrders: getOrders,
  GetClientsProducts: getClientsProducts,
};

/** The action called `name` (case-insensitive, as WHMCS treats action names) with its documented name. */
export function findAction(name: string): { name: string; handler: WhmcsAction } | undefined {
  const wanted = name.toLowerCase();
  const entry = Object.entries(ACTIONS).find(([actionName]) => actionName.toLowerCase() === wanted);
  return entry && { name: entry[0], handler: entry[1] };
}
