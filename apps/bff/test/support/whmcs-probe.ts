import { z } from "zod";

/** Raw WHMCS client row of GetClients (`clients.client[]`); WHMCS sends ids as numbers or strings. */
const clientRowSchema = z.object({ id: z.coerce.number(), email: z.string() });
/** Raw WHMCS invoice row of GetInvoices (`invoices.invoice[]`). */
const invoiceRowSchema = z.object({
  id: z.coerce.number(),
  userid: z.coerce.number(),
  status: z.string(),
});

/**
 * Reads the sandbox's WHMCS through its External API with the test credentials, to check from
 * the outside what the BFF did. Shapes: WHMCS developer docs `api-reference/getclients.md` and
 * `api-reference/getinvoices.md` (nested JSON on the wire; empty lists may be `""` or absent).
 */
export class WhmcsProbe {
  constructor(
    private readonly baseUrl: string,
    private readonly identifier: string,
    private readonly secret: string,
  ) {}

  /** Calls `action`; throws unless WHMCS answers `result: success`. */
  async call(
    action: string,
    params: Record<string, string> = {},
  ): Promise<Record<string, unknown>> {
    const response = await fetch(`${this.baseUrl}/includes/api.php`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        action,
        identifier: this.identifier,
        secret: this.secret,
        responsetype: "json",
        ...params,
      }),
    });
    const body = z.record(z.string(), z.unknown()).parse(await response.json());
    if (body.result !== "success") {
      throw new Error(`WHMCS ${action} failed: ${JSON.stringify(body)}`);
    }
    return body;
  }

  /** Ids of the WHMCS clients whose email is exactly `email`. */
  async clientIdsByEmail(email: string): Promise<number[]> {
    const body = await this.call("GetClients", { search: email, limitnum: "100" });
    return listOf(body.clients, "client", clientRowSchema)
      .filter((client) => client.email.toLowerCase() === email.toLowerCase())
      .map((client) => client.id);
  }

  /** Invoices of WHMCS client `clientId`. */
  async invoicesOf(clientId: number): Promise<z.infer<typeof invoiceRowSchema>[]> {
    const body = await this.call("GetInvoices", { userid: String(clientId), limitnum: "100" });
    return listOf(body.invoices, "invoice", invoiceRowSchema);
  }
}

function listOf<T extends z.ZodType>(container: unknown, key: string, row: T): z.infer<T>[] {
  const parsed = z.object({ [key]: z.array(row) }).safeParse(container);
  return parsed.success ? (parsed.data[key] as z.infer<T>[]) : [];
}
