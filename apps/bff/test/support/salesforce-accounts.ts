import { readFile } from "node:fs/promises";
import { importPKCS8, SignJWT } from "jose";
import { expect } from "vitest";
import { z } from "zod";
import { type Stack } from "./stack.js";

/**
 * Creates a Salesforce Account with no portal user for `customerNumber` in the sandbox, through
 * the REST API as an admin would (JWT bearer sign-in, `POST sobjects/Account`), so a test has a
 * customer number of its own whatever the other tests registered. `fields` adds or replaces
 * Account fields (e.g. `WH_Account__c` for a customer already billed in WHMCS). Returns the
 * Account Id.
 * Source: Salesforce REST API Developer Guide "Create a Record".
 */
export async function newUnregisteredAccount(
  stack: Stack,
  customerNumber: string,
  fields: Record<string, string> = {},
): Promise<string> {
  const loginUrl = `${stack.sandbox.url}/salesforce`;
  const key = await importPKCS8(await readFile(stack.secrets.sfPrivateKeyPath, "utf8"), "RS256");
  const assertion = await new SignJWT({})
    .setProtectedHeader({ alg: "RS256" })
    .setIssuer(stack.secrets.sfClientId)
    .setSubject(stack.secrets.sfUsername)
    .setAudience(loginUrl)
    .setExpirationTime("3m")
    .sign(key);
  const tokenResponse = await fetch(`${loginUrl}/services/oauth2/token`, {
    method: "POST",
    body: new URLSearchParams({
      grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer",
      assertion,
    }),
  });
  const token = z
    .object({ access_token: z.string(), instance_url: z.string() })
    .parse(await tokenResponse.json());
  const created = await fetch(`${token.instance_url}/services/data/v62.0/sobjects/Account`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${token.access_token}`,
      "content-type": "application/json",
    },
    body: JSON.stringify({
      Name: `Signup Test ${customerNumber}`,
      SF_Account_No__c: customerNumber,
      Portal_Status__c: "Not Yet",
      ...fields,
    }),
  });
  expect(created.status).toBe(201);
  const { id } = z.object({ id: z.string() }).parse(await created.json());
  return id;
}
