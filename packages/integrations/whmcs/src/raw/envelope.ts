import { z } from "zod";

/**
 * The outer shape of every WHMCS External API answer with `responsetype=json`: `result` is
 * `"success"` or `"error"`; an error carries a human-readable `message` (often with HTTP 200).
 * Source: WHMCS/developer-docs api-reference/*.md "Response Parameters" (`result`).
 */
export const whmcsEnvelopeSchema = z.looseObject({
  result: z.enum(["success", "error"]),
  message: z.string().optional(),
});
export type WhmcsEnvelope = z.infer<typeof whmcsEnvelopeSchema>;
