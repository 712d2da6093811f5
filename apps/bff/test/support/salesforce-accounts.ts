import { readFile } from "node:fs/promises";
import { importPKCS8, SignJWT } from "jose";
import { expect } from "vitest";
import { z } from "zod";
import { UNREGISTERED } from "./demo-data.js";
import { type Stack } from "./stack.js";

/**
 * Creates a Salesforce Account with no portal user for `customerNumber` in the sandbox, through
 * the REST API as an admin would, so a test has a customer number of its own whatever the other
 * tests registered. Its `Phone` is Kenji's, so `signupBody(UNREGISTERED.kenji, { customerNumber })`
 * proves the contract. `fields` adds or replaces Account fields (e.g. `WH_Account__c` for a
 * customer already billed in WHMCS). Returns the Account Id.
 */
export function newUnregisteredAccount(
  stack: Stack,
  customerNumber: string,
  fields: Record<string, string> = {},
): Promise<string> {
  return createRecord(stack, "Account", {
    Name: `Signup Test ${customerNumber}`,
    SF_Account_No__c: customerNumber,
    Portal_Status__c: "Not Yet",
    Phone: UNREGISTERED.kenji.phone,
    ...fields,
  });
}

/** Creates a Contact with `fields` (`AccountId`, `LastName`, …) in the sandbox; returns its Id. */
export function newContact(stack: Stack, fields: Record<string, string>): Promise<string> {
  return createRecord(stack, "Contact", fields);
}

/**
 * `POST sobjects/<type>` with `fields` after the JWT bearer sign-in; returns the new record's Id.
 * Source: Salesforce REST API Developer Guide "Create a Record".
 */
async function createRecord(
  stack: Stack,
  type: string,
  fields: Record<string, string>,
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
  const created = await fetch(`${token.instance_url}/services/data/v62.0/sobjects/${type}`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${token.access_token}`,
      "content-type": "application/json",
    },
    body: JSON.stringify(fields),
  });
  expect(created.status).toBe(201);
  const { id } = z.object({ id: z.string() }).parse(await created.json());
  return id;
}
