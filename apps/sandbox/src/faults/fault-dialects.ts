import { FREEBIT_FAULT_DIALECT } from "../freebit/freebit-fault-dialect.js";
import { SALESFORCE_FAULT_DIALECT } from "../salesforce/salesforce-fault-dialect.js";
import type { UpstreamSystem } from "../stand-ins/upstream-system.js";
import { WHMCS_FAULT_DIALECT } from "../whmcs/whmcs-fault-dialect.js";
import type { FaultDialect } from "./fault-dialect.js";

/** Each stand-in's fault dialect; the `Record` type makes a new system supply one. */
export const FAULT_DIALECTS: Readonly<Record<UpstreamSystem, FaultDialect>> = {
  whmcs: WHMCS_FAULT_DIALECT,
  salesforce: SALESFORCE_FAULT_DIALECT,
  freebit: FREEBIT_FAULT_DIALECT,
};
