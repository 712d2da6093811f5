import { type SimType } from "@portal/domain";
import { type FreebitActivation, type FreebitActivationState } from "../raw/activation.js";

/**
 * One SIM activation as Freebit tracks it [A]: accepted (`processing`), then `completed` or
 * `failed` (with Freebit's code) some time later. Times ISO 8601 UTC.
 */
export interface SimActivation {
  requestKey: string;
  account: string;
  simType: SimType;
  state: FreebitActivationState;
  errorCode: string | null;
  acceptedAt: string;
  completedAt: string | null;
}

/** `/mvno/getActivation/` `activation` → `SimActivation`. Source: contract.ts [A]. */
export function toSimActivation(activation: FreebitActivation): SimActivation {
  return {
    requestKey: activation.requestKey,
    account: activation.account,
    simType: activation.simKind === "esim" ? "esim" : "physical",
    state: activation.state,
    errorCode: activation.errorCode ?? null,
    acceptedAt: activation.acceptedAt,
    completedAt: activation.completedAt ?? null,
  };
}
