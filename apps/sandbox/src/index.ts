/**
 * @portal/sandbox — wire-compatible stand-ins for WHMCS and Salesforce (REST, OAuth, Pub/Sub API) with deterministic demo
 * data, persistent state, fault injection, call counters, a control API and an operator console
 * (docs/architecture/wiring.md), plus the development secrets shared with the BFF.
 */
export {
  DEV_FREEBIT_OEM,
  PUBSUB_CERTIFICATE_FILE,
  startSandbox,
  type Sandbox,
  type SandboxOptions,
} from "./sandbox.js";
export { generateDevSecrets, type DevSecrets } from "./secrets/dev-secrets.js";
export type { CallCounts } from "./calls/call-counter.js";
export type { ReceivedMail, MailRefusal } from "./mail/mailbox.js";
export type { FaultSpec } from "./faults/fault.js";
export type { WhmcsResponseMode } from "./whmcs/state/whmcs-state.js";
