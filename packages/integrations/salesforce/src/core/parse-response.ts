import type { z } from "zod";
import { SalesforceError } from "../errors/salesforce-error.js";

/**
 * Validates a success body of `operation` against its raw schema. Throws `SalesforceError`
 * (`malformed`, zod issues as `cause`) when Salesforce answered 2xx with something other than the
 * documented shape; `what` names the body for the message.
 */
export function parseResponse<Schema extends z.ZodType>(
  schema: Schema,
  body: unknown,
  operation: string,
  what: string,
): z.output<Schema> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new SalesforceError("malformed", operation, {
      message: `Salesforce ${what} is not the documented shape`,
      cause: parsed.error,
    });
  }
  return parsed.data;
}
