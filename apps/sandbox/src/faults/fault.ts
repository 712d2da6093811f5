import { z } from "zod";
import { UPSTREAM_SYSTEMS } from "../stand-ins/upstream-system.js";
import { COMMON_FAULT_KINDS } from "./fault-dialect.js";
import { FAULT_DIALECTS } from "./fault-dialects.js";

/** Every fault kind: the common ones and each stand-in's own. */
const FAULT_KINDS = [
  ...COMMON_FAULT_KINDS,
  ...Object.values(FAULT_DIALECTS).flatMap((dialect) => dialect.ownKinds),
] as [string, ...string[]];

/**
 * A fault to inject, the body of `POST /__control/faults`:
 * - `system`: which stand-in misbehaves.
 * - `match`: what selects calls, in the stand-in's terms (a WHMCS action name such as
 *   `"AddClient"`, case-insensitive; part of a Salesforce request path such as
 *   `"/sobjects/Account"`); omitted = every call.
 * - `kind`: `latency` (wait `latencyMs`, default 1000, then answer normally), `http5xx` (HTTP
 *   `status`, default 503), `timeout` (no answer; the socket is dropped after 60 s),
 *   `malformed` (HTTP 200, body not valid JSON), `hold` (the call is carried out but its answer
 *   waits until `POST /__control/holds/release`: a client that dies meanwhile never learns what
 *   the upstream did), `hold-before` (the call waits until released before anything is done, and
 *   is dropped undone when its client is gone by then: a crash just before the call), or a kind of the stand-in's own dialect
 *   (`whmcs-error`: HTTP 200 `{"result":"error"}`; `sf-request-limit`: HTTP 403
 *   `REQUEST_LIMIT_EXCEEDED`).
 * - `message`: text of the error where the kind has one.
 * - `times`: how many matching calls it applies to; omitted = until cleared.
 * - `skip`: how many matching calls pass untouched first (default 0): `skip: 2` hits the third.
 * Source: docs/architecture/wiring.md "Control API".
 */
export const faultSpecSchema = z
  .object({
    system: z.enum(UPSTREAM_SYSTEMS),
    match: z.string().min(1).optional(),
    kind: z.enum(FAULT_KINDS),
    latencyMs: z.number().int().min(0).max(120_000).optional(),
    status: z.number().int().min(500).max(599).optional(),
    message: z.string().min(1).optional(),
    times: z.number().int().positive().optional(),
    skip: z.number().int().min(0).optional(),
  })
  .superRefine((fault, context) => {
    const common: readonly string[] = COMMON_FAULT_KINDS;
    if (common.includes(fault.kind) || FAULT_DIALECTS[fault.system].ownKinds.includes(fault.kind))
      return;
    const owner = Object.entries(FAULT_DIALECTS).find(([, dialect]) =>
      dialect.ownKinds.includes(fault.kind),
    )?.[0];
    context.addIssue({
      code: "custom",
      message: `kind ${fault.kind} applies to system ${owner ?? "?"} only`,
      path: ["kind"],
    });
  });
export type FaultSpec = z.infer<typeof faultSpecSchema>;

/**
 * An active fault: its spec, id, how many more calls it applies to (null = unlimited) and how
 * many it still lets through first.
 */
export interface ActiveFault extends FaultSpec {
  readonly id: string;
  remaining: number | null;
  /** Matching calls still to let through before the fault applies. */
  skipsLeft: number;
}
