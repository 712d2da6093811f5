import { randomUUID } from "node:crypto";
import { AUTH_COOKIES, MIGRATION_TICKET_COOKIE, migrationStartedSchema } from "@portal/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UsersRepository } from "../src/modules/identity/repositories/users.repository.js";
import { expectApiError } from "./support/api-error.js";
import { DEMO, MIGRATION } from "./support/demo-data.js";
import { type PortalClient } from "./support/portal-client.js";
import { newUnregisteredAccount } from "./support/salesforce-accounts.js";
import { startStack, type Stack } from "./support/stack.js";

/**
 * Existing WHMCS customers moving to the portal (seeds "Login/Linking"; decisions 0035, 0036):
 * `POST /api/auth/migrate` then `POST /api/auth/set-password`, against the sandbox.
 */
let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
});

const NEW_PASSWORD = "Portal2026!new";

/** A WHMCS client with a client-area password and its Salesforce Account (`WH_Account__c`). */
async function newWhmcsCustomer(
  n: number,
  options: { withAccount?: boolean } = {},
): Promise<{ email: string; password: string; customerNumber: string; accountId: string | null }> {
  const email = `migrate.${n}@example.jp`;
  const password = `Old-pass-${n}`;
  const added = await stack.whmcs.call("AddClient", {
    firstname: "Mei",
    lastname: `Test${n}`,
    email,
    password2: password,
    skipvalidation: "true",
  });
  const customerNumber = `50000${n}`;
  const accountId =
    options.withAccount === false
      ? null
      : await newUnregisteredAccount(stack, customerNumber, {
          WH_Account__c: String(added.clientid),
        });
  return { email, password, customerNumber, accountId };
}

function migrate(client: PortalClient, email: string, password: string) {
  return client.post("/api/auth/migrate", { email, password });
}

function setPassword(client: PortalClient, password = NEW_PASSWORD, key?: string) {
  return client.post(
    "/api/auth/set-password",
    { password },
    key ? { headers: { "idempotency-key": key } } : {},
  );
}

/** The Account's portal fields, as Salesforce holds them. */
async function portalFieldsOf(accountId: string | null): Promise<Record<string, unknown>> {
  const [record] = await stack.salesforce.query(
    `SELECT Portal_Status__c, Portal_Registration_Source__c, WH_Account__c FROM Account WHERE Id = '${accountId ?? ""}'`,
  );
  return record ?? {};
}

async function userByEmail(email: string) {
  return stack.app.get(UsersRepository).findByEmail(email);
}

describe("the seeded migration customer 100004", () => {
  it("moves to the portal: old login → ticket cookie → new password → session", async () => {
    const browser = stack.newClient();

    const started = await migrate(browser, MIGRATION.email, MIGRATION.whmcsPassword);
    expect(started.status).toBe(200);
    const body = migrationStartedSchema.parse(started.json);
    expect(body).toMatchObject({
      email: MIGRATION.email,
      customerNumber: MIGRATION.customerNumber,
    });
    const ticketCookie = started.headers
      .getSetCookie()
      .find((cookie) => cookie.startsWith(`${MIGRATION_TICKET_COOKIE}=`));
    expect(ticketCookie).toMatch(/HttpOnly/i);
    expect(ticketCookie).toMatch(/Path=\/api\/auth/);
    expect(ticketCookie).toMatch(/SameSite=Strict/i);
    expect(await browser.http.cookie(AUTH_COOKIES.access)).toBeUndefined();
    expect(await userByEmail(MIGRATION.email)).toBeUndefined();
    const ticket = await browser.http.cookie(MIGRATION_TICKET_COOKIE, "/api/auth/set-password");
    expect(ticket).toBeDefined();
    // Only the ticket's hash is kept, and the WHMCS password nowhere.
    expect(JSON.stringify(stack.logLines)).not.toContain(MIGRATION.whmcsPassword);

    const csrfBefore = await browser.csrfToken();
    const session = await setPassword(browser);
    expect(session.status).toBe(201);
    expect(session.json).toMatchObject({
      user: {
        email: MIGRATION.email,
        firstName: MIGRATION.firstName,
        lastName: MIGRATION.lastName,
      },
    });
    expect(await browser.http.cookie(AUTH_COOKIES.access)).toBeDefined();
    expect(await browser.csrfToken()).not.toBe(csrfBefore);
    expect(
      await browser.http.cookie(MIGRATION_TICKET_COOKIE, "/api/auth/set-password"),
    ).toBeUndefined();
    // The WHMCS invoices are the customer's now.
    expect((await browser.get("/api/invoices")).status).toBe(200);

    const account = await portalFieldsOf(MIGRATION.accountId);
    expect(account).toMatchObject({
      Portal_Status__c: "Active",
      Portal_Registration_Source__c: "Migrated",
      WH_Account__c: String(MIGRATION.whmcsClientId),
    });
    expect((await stack.newClient().login(MIGRATION.email, NEW_PASSWORD)).status).toBe(200);
    expectApiError(
      await stack.newClient().login(MIGRATION.email, MIGRATION.whmcsPassword),
      401,
      "INVALID_CREDENTIALS",
    );

    // The used ticket, sent again as it was: refused.
    const replayer = stack.newClient();
    await replayer.http.setCookie(MIGRATION_TICKET_COOKIE, ticket ?? "", "/api/auth");
    expectApiError(await setPassword(replayer), 401, "MIGRATION_TICKET_INVALID");

    // And the old login no longer starts a migration.
    expectApiError(
      await migrate(stack.newClient(), MIGRATION.email, MIGRATION.whmcsPassword),
      409,
      "ALREADY_REGISTERED",
    );
  });
});

describe("POST /api/auth/migrate refusals", () => {
  it("answers a wrong WHMCS password exactly as login answers a wrong password", async () => {
    const customer = await newWhmcsCustomer(1);
    const migrateAnswer = expectApiError(
      await migrate(stack.newClient(), customer.email, "not-the-password"),
      401,
      "INVALID_CREDENTIALS",
    );
    const loginAnswer = expectApiError(
      await stack.newClient().login(DEMO.email, "not-the-password"),
      401,
      "INVALID_CREDENTIALS",
    );
    expect(migrateAnswer.message).toBe(loginAnswer.message);
    expect(
      expectApiError(
        await migrate(stack.newClient(), "nobody@example.jp", "whatever"),
        401,
        "INVALID_CREDENTIALS",
      ).message,
    ).toBe(loginAnswer.message);
  });

  it("locks an email after repeated failures, as login does", async () => {
    const customer = await newWhmcsCustomer(2);
    const browser = stack.newClient();
    let locked;
    for (let attempt = 0; attempt < 10 && !locked; attempt += 1) {
      const response = await migrate(browser, customer.email, `wrong-${attempt}`);
      if (response.status === 423) {
        locked = response;
      } else {
        expectApiError(response, 401, "INVALID_CREDENTIALS");
      }
    }
    expect(locked).toBeDefined();
    // Locked even with the right password.
    const refused = await migrate(browser, customer.email, customer.password);
    expectApiError(refused, 423, "ACCOUNT_LOCKED");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("refuses a WHMCS client without a Salesforce Account (support must link it)", async () => {
    const customer = await newWhmcsCustomer(3, { withAccount: false });
    const response = await migrate(stack.newClient(), customer.email, customer.password);
    expectApiError(response, 409, "MIGRATION_NOT_AVAILABLE");
    expect(response.headers.getSetCookie().join()).not.toContain(MIGRATION_TICKET_COOKIE);
  });

  it("answers 503 while WHMCS is down, and makes nothing", async () => {
    const customer = await newWhmcsCustomer(4);
    await stack.control.fault({ system: "whmcs", match: "ValidateLogin", kind: "http5xx" });
    try {
      const response = await migrate(stack.newClient(), customer.email, customer.password);
      expect(expectApiError(response, 503, "UPSTREAM_UNAVAILABLE").message).toMatch(/try again/i);
      expect(response.headers.getSetCookie().join()).not.toContain(MIGRATION_TICKET_COOKIE);
    } finally {
      await stack.control.clearFaults();
    }
    expect(await userByEmail(customer.email)).toBeUndefined();
  });
});

describe("POST /api/auth/set-password", () => {
  it("refuses without a ticket, and with a made-up one", async () => {
    expectApiError(await setPassword(stack.newClient()), 401, "MIGRATION_TICKET_INVALID");
    const browser = stack.newClient();
    await browser.http.setCookie(MIGRATION_TICKET_COOKIE, "made-up", "/api/auth");
    expectApiError(await setPassword(browser), 401, "MIGRATION_TICKET_INVALID");
  });

  it("applies the sign-up password policy, naming the field", async () => {
    const customer = await newWhmcsCustomer(5);
    const browser = stack.newClient();
    expect((await migrate(browser, customer.email, customer.password)).status).toBe(200);
    const error = expectApiError(await setPassword(browser, "short"), 400, "VALIDATION_FAILED");
    expect(error.fields).toHaveProperty("password");
    expect(await userByEmail(customer.email)).toBeUndefined();
  });

  it("leaves nothing half-made when Salesforce fails mid-way, and the retry works", async () => {
    const customer = await newWhmcsCustomer(6);
    const browser = stack.newClient();
    expect((await migrate(browser, customer.email, customer.password)).status).toBe(200);
    await stack.control.fault({
      system: "salesforce",
      match: "/sobjects/Account",
      kind: "http5xx",
      times: 1,
    });

    expectApiError(await setPassword(browser), 503, "UPSTREAM_UNAVAILABLE");
    expect(await userByEmail(customer.email)).toBeUndefined();
    expect(await portalFieldsOf(customer.accountId)).toMatchObject({
      Portal_Status__c: "Not Yet",
    });

    expect((await setPassword(browser)).status).toBe(201);
    expect(await userByEmail(customer.email)).toBeDefined();
    expect(await portalFieldsOf(customer.accountId)).toMatchObject({
      Portal_Status__c: "Active",
      Portal_Registration_Source__c: "Migrated",
    });
  });

  it("replays a repeated Idempotency-Key without running it again", async () => {
    const customer = await newWhmcsCustomer(7);
    const browser = stack.newClient();
    expect((await migrate(browser, customer.email, customer.password)).status).toBe(200);
    const key = randomUUID();
    // The replay comes from a tab that still holds the ticket cookie.
    const ticket = await browser.http.cookie(MIGRATION_TICKET_COOKIE, "/api/auth/set-password");

    const first = await setPassword(browser, NEW_PASSWORD, key);
    await browser.http.setCookie(MIGRATION_TICKET_COOKIE, ticket ?? "", "/api/auth");
    const replay = await setPassword(browser, NEW_PASSWORD, key);

    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.json).toEqual(first.json);
    expect(replay.headers.getSetCookie()).toEqual([]);
    // Without the key, the used ticket is refused.
    expectApiError(await setPassword(browser), 401, "MIGRATION_TICKET_INVALID");
  });
});
