import { readFile } from "node:fs/promises";
import { importPKCS8, SignJWT } from "jose";
import { z } from "zod";

const tokenSchema = z.object({ access_token: z.string(), instance_url: z.string() });
const querySchema = z.object({
  totalSize: z.number(),
  records: z.array(z.record(z.string(), z.unknown())),
});

/**
 * Reads the sandbox's Salesforce through the REST API, authenticated with the OAuth 2.0 JWT
 * bearer flow exactly as a connected app would (RS256 assertion: iss = client id, sub = username,
 * aud = https://login.salesforce.com, the SF_JWT_AUDIENCE default). Source: Salesforce Help
 * "OAuth 2.0 JWT Bearer Flow for Server-to-Server Integration"; REST API Developer Guide
 * "Execute a SOQL Query".
 */
export class SalesforceProbe {
  constructor(
    private readonly loginUrl: string,
    private readonly clientId: string,
    private readonly username: string,
    private readonly privateKeyPath: string,
    private readonly apiVersion = "62.0",
  ) {}

  /** Runs a SOQL query and returns its records. */
  async query(soql: string): Promise<Record<string, unknown>[]> {
    const token = await this.token();
    const url = new URL(`${token.instance_url}/services/data/v${this.apiVersion}/query`);
    url.searchParams.set("q", soql);
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${token.access_token}` },
    });
    if (!response.ok) {
      throw new Error(`Salesforce query answered ${response.status}: ${await response.text()}`);
    }
    return querySchema.parse(await response.json()).records;
  }

  /**
   * Updates record `id` of `sobject` with `fields` (`PATCH sobjects/<sobject>/<id>`), as a staff
   * member editing it in Salesforce would. Throws when Salesforce refuses.
   */
  async update(sobject: string, id: string, fields: Record<string, unknown>): Promise<void> {
    const token = await this.token();
    const url = `${token.instance_url}/services/data/v${this.apiVersion}/sobjects/${sobject}/${id}`;
    const response = await fetch(url, {
      method: "PATCH",
      headers: {
        authorization: `Bearer ${token.access_token}`,
        "content-type": "application/json",
      },
      body: JSON.stringify(fields),
    });
    if (response.status !== 204) {
      throw new Error(`Salesforce PATCH answered ${response.status}: ${await response.text()}`);
    }
  }

  /** The Account with Id `accountId`; throws when absent. */
  async account(accountId: string): Promise<Record<string, unknown>> {
    const [record] = await this.query(
      `SELECT Id, SF_Account_No__c, Portal_Status__c, WH_Account__c FROM Account WHERE Id = '${accountId}'`,
    );
    if (!record) {
      throw new Error(`No Salesforce Account ${accountId}`);
    }
    return record;
  }

  private async token(): Promise<z.infer<typeof tokenSchema>> {
    const key = await importPKCS8(await readFile(this.privateKeyPath, "utf8"), "RS256");
    const assertion = await new SignJWT({})
      .setProtectedHeader({ alg: "RS256" })
      .setIssuer(this.clientId)
      .setSubject(this.username)
      .setAudience("https://login.salesforce.com")
      .setExpirationTime("3m")
      .sign(key);
    const response = await fetch(`${this.loginUrl}/services/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer",
        assertion,
      }),
    });
    if (!response.ok) {
      throw new Error(
        `Salesforce token endpoint answered ${response.status}: ${await response.text()}`,
      );
    }
    return tokenSchema.parse(await response.json());
  }
}
