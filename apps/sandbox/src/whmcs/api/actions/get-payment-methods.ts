import { PAYMENT_GATEWAYS } from "../../payments/payment-gateways.js";
import type { WhmcsAction } from "../whmcs-action.js";

/**
 * GetPaymentMethods: the activated payment gateways, `totalresults` and
 * `paymentmethods.paymentmethod[]` of `{ module, displayname }`. No parameters.
 * Source: WHMCS/developer-docs api-reference/getpaymentmethods.md.
 */
export const getPaymentMethods: WhmcsAction = () => ({
  result: "success",
  totalresults: PAYMENT_GATEWAYS.length,
  paymentmethods: {
    paymentmethod: PAYMENT_GATEWAYS.map((gateway) => ({
      module: gateway.module,
      displayname: gateway.displayname,
    })),
  },
});
