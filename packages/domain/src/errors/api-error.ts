import { z } from "zod";
import { errorCodeSchema } from "./error-code.js";

/**
 * The one error shape every BFF error response uses:
 * `{ error: { code, message, fields?, requestId } }`.
 * - `message` is safe to show to the customer (never upstream text or a stack trace).
 * - `fields` maps a dotted field path of the request (`"address.postcode"`) to its message.
 * - `requestId` matches the `x-request-id` response header and the server log line.
 */
export const apiErrorSchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
    requestId: z.string(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/**
 * Flattens zod issues into the envelope's `fields` map: the first message per dotted path.
 * Issues on the root object are keyed `"_root"`.
 */
export function fieldErrorsFromIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join(".") : "_root";
    fields[key] ??= issue.message;
  }
  return fields;
}
