import { z } from "zod";

/** A form-encoded body as `name → value`. */
export type FormFields = Readonly<Record<string, string>>;

const formBodySchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

/**
 * The fields of a form-encoded body (as @fastify/formbody parsed it); a repeated name keeps its
 * last value, as PHP's `$_POST` does for names without `[]`. No body gives no fields.
 */
export function formFields(body: unknown): FormFields {
  const parsed = formBodySchema.safeParse(body ?? {});
  if (!parsed.success) return {};
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(parsed.data)) {
    const last = Array.isArray(value) ? value.at(-1) : value;
    if (last !== undefined) fields[name] = last;
  }
  return fields;
}
