import { FREEBIT_PATHS, type FreebitPath } from "@portal/freebit";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { respondWithFault } from "../../faults/fault-responder.js";
import type { SandboxServices } from "../../server/sandbox-services.js";
import { acceptMultipart, requestParams } from "../../whmcs/api/request-params.js";
import { addAccount, addEsimAccount, type ActivationContext } from "./activation-handler.js";
import { FreebitRefusal, OK_ENVELOPE } from "./freebit-refusal.js";

/** One path's handler: the parsed `json` body → the answer; refusals thrown as `FreebitRefusal`. */
type Handler = (
  body: Readonly<Record<string, unknown>>,
  context: ActivationContext & { services: SandboxServices },
) => Record<string, unknown> | Promise<Record<string, unknown>>;

const authOemSchema = z.object({ oemId: z.string(), oemKey: z.string() });
const getDetailSchema = z.object({
  requestDatas: z.array(z.object({ kind: z.string(), account: z.string() })).min(1),
});
const getActivationSchema = z.object({ requestKey: z.string().min(1) });

/** The handlers of the contract's paths other than `authOem`. */
const HANDLERS: Readonly<Record<Exclude<FreebitPath, "authOem">, Handler>> = {
  getDetail: (body, { store }) => {
    const parsed = getDetailSchema.safeParse(body);
    if (!parsed.success) throw new FreebitRefusal("invalidRequest", "Invalid requestDatas");
    // PA03-02: only the first entry is honoured.
    const wanted = parsed.data.requestDatas[0];
    const line = store.state.lines.find(
      (candidate) => wanted?.kind === "MVNO" && candidate.account === wanted.account,
    );
    if (!line) throw new FreebitRefusal("accountNotFound", "Account not found");
    return {
      ...OK_ENVELOPE,
      account: {
        kind: "MVNO",
        account: line.account,
        iccid: line.iccid,
        eid: line.eid,
        simKind: line.simKind,
        planCode: line.planCode,
        state: line.state,
        startDate: line.startDate,
        contractLine: line.contractLine,
      },
    };
  },
  addAccount,
  addEsimAccount,
  getActivation: (body, { store }) => {
    const parsed = getActivationSchema.safeParse(body);
    if (!parsed.success) throw new FreebitRefusal("invalidRequest", "Invalid requestKey");
    const activation = store.state.activations.find(
      (candidate) => candidate.requestKey === parsed.data.requestKey,
    );
    if (!activation) throw new FreebitRefusal("accountNotFound", "Activation not found");
    return {
      ...OK_ENVELOPE,
      activation: {
        requestKey: activation.requestKey,
        account: activation.account,
        simKind: activation.simKind,
        state: activation.state,
        errorCode: activation.errorCode,
        acceptedAt: activation.acceptedAt,
        completedAt: activation.completedAt,
      },
    };
  },
};

/**
 * The Freebit API under `/emptool/api`: `POST <path>/` with a form field `json` (form-encoded or
 * multipart) holding the request, answered JSON with `resultCode` (`"100"` = success) — one route
 * per path of the contract table (`@portal/freebit` `FREEBIT_PATHS`). In order: the call is
 * counted (by path), an injected fault may take over, the `json` field is parsed (`400` when
 * absent or not JSON), `authOem` checks the OEM credentials (`200`/`210`), every other path the
 * `authKey` (`201` when unknown or expired), then due activations settle and the path answers.
 * Source: vendor-facts §5.2 [S], §5.5 [A]; docs/decisions/0061-freebit-stand-in-and-client.md.
 */
export function registerFreebitApiRoute(app: FastifyInstance, services: SandboxServices): void {
  const context = {
    services,
    store: services.freebitState,
    activations: services.freebitActivations,
    clock: services.clock,
  };
  acceptMultipart(app);
  // A `hold` fault's answer waits here until released.
  app.addHook("onSend", async (request) => services.holds.answerReleased(request));
  for (const [name, row] of Object.entries(FREEBIT_PATHS) as [FreebitPath, { path: string }][]) {
    app.post(`/emptool/api${row.path}`, async (request, reply) => {
      services.calls.record("freebit", row.path);
      const fault = services.faults.take("freebit", row.path);
      if (fault && (await respondWithFault(fault, request, reply, services.holds, row.path)))
        return reply;
      try {
        const body = parseJsonField(requestParams(request).json);
        if (name === "authOem") {
          const credentials = authOemSchema.safeParse(body);
          const { oemId, oemKey } = services.freebitCredentials;
          if (
            !credentials.success ||
            credentials.data.oemId !== oemId ||
            credentials.data.oemKey !== oemKey
          ) {
            throw new FreebitRefusal("authFailed", "Authentication failed");
          }
          return { ...OK_ENVELOPE, authKey: services.freebitAuthKeys.issue() };
        }
        if (!services.freebitAuthKeys.isValid(body.authKey)) {
          throw new FreebitRefusal("authKeyExpired", "authKey is invalid or expired");
        }
        await services.freebitActivations.settleDue();
        return await HANDLERS[name](body, context);
      } catch (error) {
        if (error instanceof FreebitRefusal) return error.body();
        throw error;
      }
    });
  }
}

/** The `json` form field as an object. @throws FreebitRefusal `400` when absent or not a JSON object */
function parseJsonField(json: string | undefined): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(json ?? "");
  } catch {
    throw new FreebitRefusal("invalidRequest", "Parameter json is missing or not JSON");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new FreebitRefusal("invalidRequest", "Parameter json is not an object");
  }
  return value as Record<string, unknown>;
}
