/**
 * @portal/freebit — the portal's Freebit (MVNO) integration: a typed client (core + facades
 * `lines`, `activations`) returning plain types, its error (an `UpstreamError` of
 * @portal/integration-core), and THE table of paths and result codes (`contract.ts`), each marked
 * documented or assumed. Raw wire schemas are exported only under `raw`, for the sandbox.
 */
export { FreebitClient } from "./freebit-client.js";
export { type FreebitClientConfig, type FreebitContract } from "./core/config.js";
export { FreebitError } from "./core/freebit-error.js";
export { type FreebitLines } from "./resources/lines.js";
export { type FreebitActivations } from "./resources/activations.js";
export { type MvnoLine } from "./mappers/mvno-line.js";
export { type SimActivation } from "./mappers/sim-activation.js";
export { type SimActivationRequest } from "./mappers/activation-request.js";
export {
  FREEBIT_PATHS,
  FREEBIT_RESULT_CODES,
  FREEBIT_PLAN_CODES,
  freebitPlanCode,
  type FreebitPlanCodeRow,
  type FreebitPath,
  type FreebitPathRow,
  type FreebitResultCodeRow,
  type ContractBasis,
} from "./contract.js";
export * as raw from "./raw/index.js";
