import { intParam } from "../action-params.js";
import { WhmcsActionError } from "../action-error.js";
import { invoiceDetail } from "../wire-format.js";
import type { WhmcsAction } from "../whmcs-action.js";

/**
 * GetInvoice: one invoice with `items.item[]` and `transactions.transaction[]` (`""` when there
 * are none). Refuses an unknown id with "Invoice ID Not Found".
 * Source: WHMCS/developer-docs api-reference/getinvoice.md.
 */
export const getInvoice: WhmcsAction = (params, context) => {
  const invoiceId = intParam(params, "invoiceid");
  const invoice = context.store.state.invoices.find((candidate) => candidate.id === invoiceId);
  if (!invoice) throw new WhmcsActionError("Invoice ID Not Found");
  return { result: "success", ...invoiceDetail(invoice) };
};
