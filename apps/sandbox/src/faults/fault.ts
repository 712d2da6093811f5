import { z } from "zod";

/**
 * A fault to inject, the body of `POST /__control/faults`:
 * - `system`: which stand-in misbehaves.
 * - `match`: a WHMCS action name (`"AddClient"`, case-insensitive) or a substring of the
 *   Salesforce request path (`"/sobjects/Account"`, `"/query"`, `"/oauth2/token"`); omitted = every call.
 * - `kind`: `latency` (wait `latencyMs`, default 1000, then answer normally), `http5xx` (HTTP
 *   `status`, default 503), `timeout` (no answer; the socket is dropped after 60 s),
 *   `whmcs-error` (HTTP 200 `{"result":"error","message":…}`, WHMCS only), `sf-request-limit`
 *   (HTTP 403 `REQUEST_LIMIT_EXCEEDED`, Salesforce only), `malformed` (HTTP 200, body not valid JSON).
 * - `message`: text of the error where the kind has one.
 * - `times`: how many matching calls it applies to; omitted = until cleared.
 * Source: docs/architecture/wiring.md "Control API".
 */
export const faultSpecSchema = z
  .object({
    system: z.enum(["whmcs", "salesforce"]),
    match: z.string().min(1).optional(),
    kind: z.enum(["latency", "http5xx", "timeout", "whmcs-error", "sf-request-limit", "malformed"]),
    latencyMs: z.number().int().min(0).max(120_000).optional(),
    status: z.number().int().min(500).max(599).optional(),
    message: z.string().min(1).optional(),
    times: z.number().int().positive().optional(),
  })
  .refine((fault) => fault.kind !== "whmcs-error" || fault.system === "whmcs", {
    message: "kind whmcs-error applies to system whmcs only",
    path: ["kind"],
  })
  .refine((fault) => fault.kind !== "sf-request-limit" || fault.system === "salesforce", {
    message: "kind sf-request-limit applies to system salesforce only",
    path: ["kind"],
  });
export type FaultSpec = z.infer<typeof faultSpecSchema>;

/** An active fault: its spec, id and how many more calls it applies to (null = unlimited). */
export interface ActiveFault extends FaultSpec {
  readonly id: string;
  remaining: number | null;
}
