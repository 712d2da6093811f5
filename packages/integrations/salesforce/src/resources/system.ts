import { type SalesforceCore } from "../core/salesforce-core.js";
import { parseResponse } from "../core/parse-response.js";
import { limitsSchema } from "../raw/limits.js";

/** `salesforce.system`: the org itself, for health checks. */
export class SalesforceSystem {
  constructor(private readonly core: SalesforceCore) {}

  /**
   * Health probe: signs in when needed and reads the org's limits (`GET limits`), one attempt, no retry,
   * so the result reflects Salesforce right now. Resolves when Salesforce answers with the documented
   * shape; rejects with `SalesforceError` otherwise.
   * Source: REST API Developer Guide, "List Org Limits".
   */
  async ping(): Promise<void> {
    const operation = "ping";
    const body = await this.core.call(operation, (conn) => conn.limits(), {
      access: "read",
      retries: 0,
    });
    parseResponse(limitsSchema, body, operation, "limits response");
  }
}
