import { FREEBIT_RESULT_CODES } from "../contract.js";
import { type FreebitCore } from "../core/freebit-core.js";
import { FreebitError } from "../core/freebit-error.js";
import {
  toAddAccountRequest,
  toAddEsimAccountRequest,
  type SimActivationRequest,
} from "../mappers/activation-request.js";
import { toSimActivation, type SimActivation } from "../mappers/sim-activation.js";
import { addAccountResponseSchema, getActivationResponseSchema } from "../raw/activation.js";

/**
 * `freebit.activations`: activating SIM lines — physical (`/master/addAcnt/`, PA02-01) or eSIM
 * (`/mvno/esim/addAcnt/`, PA05-41), with MNP — and following them until they complete, which
 * Freebit does asynchronously. Activation is a write sent once; it is made safe to repeat by the
 * caller's `requestKey`: `activate` first looks the key up and returns the activation already
 * made, and the platform answers a repeated key with the same activation [A] (decision 0061).
 */
export class FreebitActivations {
  constructor(private readonly core: FreebitCore) {}

  /**
   * Activates one SIM line, or returns the activation already made under `request.requestKey`.
   * The answer is usually `processing`: poll `get` until `completed` or `failed`.
   * @throws FreebitError `rejected` (bad plan code, EID, MNP data; the account or key used by
   *   another request; the account busy), `unavailable` (outcome unknown: call again with the
   *   same key), `malformed`
   */
  async activate(request: SimActivationRequest): Promise<SimActivation> {
    const existing = await this.get(request.requestKey);
    if (existing) return existing;
    const path = request.simType === "esim" ? "addEsimAccount" : "addAccount";
    const body = this.core.map(path, () =>
      request.simType === "esim"
        ? toAddEsimAccountRequest(request, this.core.contract)
        : toAddAccountRequest(request, this.core.contract),
    );
    await this.core.write(path, { ...body }, addAccountResponseSchema);
    const accepted = await this.get(request.requestKey);
    if (!accepted) {
      throw new FreebitError("malformed", "getActivation", {
        reason: "The accepted activation cannot be found by its request key",
      });
    }
    return accepted;
  }

  /** The activation made under `requestKey`, or null when there is none. @throws FreebitError */
  async get(requestKey: string): Promise<SimActivation | null> {
    try {
      const raw = await this.core.read(
        "getActivation",
        { requestKey },
        getActivationResponseSchema,
      );
      return this.core.map("getActivation", () => toSimActivation(raw.activation));
    } catch (error) {
      if (
        error instanceof FreebitError &&
        error.hasResultCode(FREEBIT_RESULT_CODES.accountNotFound.resultCode)
      ) {
        return null;
      }
      throw error;
    }
  }
}
