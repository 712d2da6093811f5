import { z } from "zod";
import type { FreebitActivations } from "../activations/freebit-activations.js";
import type { VersionedStore } from "../../state/versioned-store.js";
import type { Clock } from "../../server/clock.js";
import type { FreebitState } from "../state/freebit-state.js";
import { FreebitRefusal, OK_ENVELOPE } from "./freebit-refusal.js";

/** PA05-41 `mnp` [S]. */
const mnpSchema = z.object({
  reserveNumber: z.string().min(1),
  reserveExpireDate: z.string().regex(/^\d{8}$/),
  lastnameKanji: z.string().min(1),
  firstnameKanji: z.string().min(1),
  lastnameZenKana: z.string().min(1),
  firstnameZenKana: z.string().min(1),
  gender: z.enum(["M", "W", "C"]),
  birthday: z.string().regex(/^\d{8}$/),
});

const account = z.string().regex(/^\d{11}$/);
const requestKey = z.string().min(1).max(128);
/** The MVNO contract's master account and password [S]; any non-empty value is accepted. */
const master = { masterAccount: z.string().min(1), masterPassword: z.string().min(1) };
const yyyymmdd = z.string().regex(/^\d{8}$/);

/**
 * `/master/addAcnt/` (PA02-01) body [S] — master account, password, relation code —, with the
 * SIM kind, delivery code and ship date PA05-41 documents (their place here [A]), plus
 * `requestKey` [A].
 */
const addAccountSchema = z.object({
  ...master,
  relationCode: z.string().min(1),
  simKind: z.literal("sim"),
  deliveryCode: z.string().min(1),
  shipDate: yyyymmdd,
  requestKey,
  createType: z.literal("new"),
  requestDatas: z.tuple([
    z.object({
      kind: z.literal("MVNO"),
      account: account.optional(),
      planCode: z.string().min(1),
      mnp: mnpSchema.optional(),
    }),
  ]),
});

/**
 * `/mvno/esim/addAcnt/` (PA05-41) body [S] — master account and password, `simKind` (`esim` [A]),
 * delivery code and ship date (YYYYMMDD), which PA05-41 lists —, plus `requestKey` [A].
 */
const addEsimAccountSchema = z.object({
  ...master,
  simKind: z.literal("esim"),
  deliveryCode: z.string().min(1),
  shipDate: yyyymmdd,
  requestKey,
  aladinOperated: z.enum(["10", "20"]).default("20"),
  createType: z.literal("new"),
  eid: z.string().regex(/^\d{32}$/),
  addKind: z.enum(["N", "M", "R"]),
  account: account.optional(),
  planCode: z.string().min(1),
  contractLine: z.enum(["4G", "5G"]).default("4G"),
  mnp: mnpSchema.optional(),
});

/** A line to activate, whichever call asked for it. */
interface LineRequest {
  requestKey: string;
  simKind: "sim" | "esim";
  account: string | undefined;
  planCode: string;
  eid: string;
  contractLine: string;
}

/** What an activation handler needs. */
export interface ActivationContext {
  readonly store: VersionedStore<FreebitState>;
  readonly activations: FreebitActivations;
  readonly clock: Clock;
}

/** Canonical text of a request (keys sorted, `authKey` left out), to compare repeats. */
function canonical(body: Readonly<Record<string, unknown>>): string {
  const { authKey: _authKey, ...rest } = body;
  return JSON.stringify(rest, (_key, value: unknown) =>
    value && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );
}

/** A field problem as a `400` refusal naming the field. */
function invalid(error: z.ZodError): FreebitRefusal {
  const issue = error.issues[0];
  return new FreebitRefusal("invalidRequest", `Invalid ${issue?.path.join(".") || "request"}`);
}

/**
 * `/master/addAcnt/`: a physical SIM line (PA02-01). Refusals: `400` for a missing or malformed
 * field. See {@link activate} for the rest.
 */
export function addAccount(
  body: Readonly<Record<string, unknown>>,
  context: ActivationContext,
): Promise<Record<string, unknown>> {
  const parsed = addAccountSchema.safeParse(body);
  if (!parsed.success) throw invalid(parsed.error);
  const [line] = parsed.data.requestDatas;
  return activate(
    {
      requestKey: parsed.data.requestKey,
      simKind: "sim",
      account: line.account,
      planCode: line.planCode,
      eid: "",
      contractLine: "4G",
    },
    canonical(body),
    context,
  );
}

/**
 * `/mvno/esim/addAcnt/`: an eSIM line (PA05-41) for the device's `eid`, new (`addKind` N) or
 * ported (M, with `mnp`). Refusals: `400` for a missing or malformed field, `400`/`400-356`
 * ("unsupported pattern") for `aladinOperated` 10 with `addKind` ≠ N [S], and for `addKind` R
 * (profile reissue, not offered by the sandbox) or M without `mnp`.
 */
export function addEsimAccount(
  body: Readonly<Record<string, unknown>>,
  context: ActivationContext,
): Promise<Record<string, unknown>> {
  const parsed = addEsimAccountSchema.safeParse(body);
  if (!parsed.success) throw invalid(parsed.error);
  const request = parsed.data;
  if (request.aladinOperated === "10" && request.addKind !== "N") {
    throw new FreebitRefusal("invalidRequest", "Unsupported pattern", "400-356");
  }
  if (request.addKind === "R" || (request.addKind === "M") !== (request.mnp !== undefined)) {
    throw new FreebitRefusal("invalidRequest", "Unsupported pattern", "400-356");
  }
  return activate(
    {
      requestKey: request.requestKey,
      simKind: "esim",
      account: request.account,
      planCode: request.planCode,
      eid: request.eid,
      contractLine: request.contractLine,
    },
    canonical(body),
    context,
  );
}

/**
 * Accepts an activation [A]: the same `requestKey` with the same request answers the first
 * answer again (nothing new is made); with another request it is refused (`230`), as is an
 * `account` that already has a line (`230`) or one being activated (`220`). A new line is
 * `pending`, numbered from the pool when no `account` is given, and its activation `processing`
 * until it settles (`FreebitActivations`; at once with a zero delay).
 */
async function activate(
  line: LineRequest,
  request: string,
  context: ActivationContext,
): Promise<Record<string, unknown>> {
  const state = context.store.state;
  const previous = state.activations.find((entry) => entry.requestKey === line.requestKey);
  if (previous) {
    if (previous.request !== request) {
      throw new FreebitRefusal("requestConflict", "Request key already used by another request");
    }
    return answer(previous.account, previous.requestKey, previous.state);
  }
  if (line.account !== undefined) {
    const busy = state.activations.some(
      (entry) => entry.account === line.account && entry.state === "processing",
    );
    if (busy) throw new FreebitRefusal("accountBusy", "A request for this account is in progress");
    if (state.lines.some((existing) => existing.account === line.account)) {
      throw new FreebitRefusal("requestConflict", "Account already registered");
    }
  }
  const now = context.clock();
  const created = await context.store.mutate((draft) => {
    const number = line.account ?? `0${draft.nextNumber}`;
    if (line.account === undefined) draft.nextNumber += 1;
    draft.lines.push({
      account: number,
      simKind: line.simKind,
      iccid: line.simKind === "sim" ? `898110${number.slice(1)}0` : "",
      eid: line.eid,
      planCode: line.planCode,
      state: "pending",
      startDate: "",
      contractLine: line.contractLine,
    });
    draft.activations.push({
      requestKey: line.requestKey,
      account: number,
      simKind: line.simKind,
      request,
      state: "processing",
      errorCode: null,
      acceptedAt: now.toISOString(),
      settlesAt: context.activations.settlesAt(now),
      completedAt: null,
    });
    return number;
  });
  await context.activations.settleDue();
  const settled = context.store.state.activations.find(
    (entry) => entry.requestKey === line.requestKey,
  );
  return answer(created, line.requestKey, settled?.state ?? "processing");
}

function answer(account: string, key: string, state: string): Record<string, unknown> {
  return { ...OK_ENVELOPE, account, activation: { requestKey: key, state } };
}
