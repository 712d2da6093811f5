import { PermanentError } from "../workflow/permanent-error.js";

/**
 * The `Activation_Error_Code__c` values fulfilment writes (what each means and what staff do:
 * docs/operations/provisioning-runbook.md):
 * - `ORDER_NOT_FOUND`: no Salesforce Order with that Id.
 * - `NO_BILLING_CLIENT`: the Order's Account has no WHMCS client (`WH_Account__c`).
 * - `NO_PAYMENT_METHOD`: the WHMCS client has no usable payment method.
 * - `NO_PAYMENT_GATEWAY`: WHMCS accepts no payment gateway to place the order with.
 * - `WHMCS_ORDER_MISMATCH`: the WHMCS order recorded on / found for the Order belongs to another
 *   client or bills other products (decision 0060).
 * - `WHMCS_ORDER_REJECTED`: WHMCS refused AddOrder or AcceptOrder.
 * - `SIM_DETAILS_MISSING`: a SIM order without SIM type, or an eSIM without EID.
 * - `PLAN_NOT_MAPPED`: a SIM plan without a Freebit plan code (decision 0068).
 * - `FREEBIT_NOT_CONFIGURED`: SIM lines but no `FREEBIT_*` settings.
 * - `FREEBIT_REJECTED`: Freebit refused the activation request.
 * - `SIM_ACTIVATION_FAILED`: Freebit accepted the activation, then reported it failed.
 * - `SERVICES_MISSING`: the accepted WHMCS order lacks a service for a line.
 * - `RETRIES_EXHAUSTED`: transient failures outlasted every retry (dead-lettered).
 */
export const ACTIVATION_ERROR_CODES = [
  "ORDER_NOT_FOUND",
  "NO_BILLING_CLIENT",
  "NO_PAYMENT_METHOD",
  "NO_PAYMENT_GATEWAY",
  "WHMCS_ORDER_MISMATCH",
  "WHMCS_ORDER_REJECTED",
  "SIM_DETAILS_MISSING",
  "PLAN_NOT_MAPPED",
  "FREEBIT_NOT_CONFIGURED",
  "FREEBIT_REJECTED",
  "SIM_ACTIVATION_FAILED",
  "SERVICES_MISSING",
  "RETRIES_EXHAUSTED",
] as const;

/** One of {@link ACTIVATION_ERROR_CODES}. */
export type ActivationErrorCode = (typeof ACTIVATION_ERROR_CODES)[number];

/**
 * A fulfilment failure retrying cannot fix: the workflow stops, the Order is marked `Failed` with
 * `code` and `message` (written to Salesforce, so staff read it there), the customer is told.
 */
export class ActivationError extends PermanentError {
  // No `cause`: the runner would rethrow the cause in place of this error (originalError).
  constructor(
    readonly code: ActivationErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ActivationError";
  }
}

/**
 * Freebit accepted an activation that has not completed yet: a transient failure, so the step
 * is tried again with backoff and then the job (decision 0069).
 */
export class ActivationPending extends Error {
  constructor(readonly requestKeys: readonly string[]) {
    super(`SIM activation still processing: ${requestKeys.join(", ")}`);
    this.name = "ActivationPending";
  }
}
