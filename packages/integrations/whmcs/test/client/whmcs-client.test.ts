import { addressSchema } from "@portal/domain";
import { type UpstreamCallRecord } from "@portal/integration-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WhmcsClient, WhmcsError, type WhmcsClientConfig } from "../../src/index.js";
import { fixture } from "../fixtures/fixture.js";
import { answerJson, startFakeWhmcs, type FakeWhmcs } from "./fake-whmcs.js";

const NOW = new Date("2026-11-21T04:26:56.000Z");

let whmcs: FakeWhmcs;

beforeEach(async () => {
  whmcs = await startFakeWhmcs();
});

afterEach(async () => {
  await whmcs.close();
});

function client(overrides: Partial<WhmcsClientConfig> = {}): WhmcsClient {
  return new WhmcsClient({
    baseUrl: `${whmcs.url}/`,
    identifier: "api-identifier",
    secret: "api-secret",
    timeoutMs: 5_000,
    concurrency: 4,
    ratePerSecond: 1_000,
    readRetries: 2,
    retryBaseDelayMs: 1,
    customFields: { lastNameKana: 7, firstNameKana: 8 },
    now: () => NOW,
    ...overrides,
  });
}

/** Awaits `promise` expecting a WhmcsError and returns it. */
async function failure(promise: Promise<unknown>): Promise<WhmcsError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(WhmcsError);
  return error as WhmcsError;
}

const actions = () => whmcs.requests.map((request) => request.form.get("action"));

describe("wire format", () => {
  it("posts a form with the credentials, responsetype=json and the action's parameters", async () => {
    whmcs.handle((_request, res) => answerJson(res, 200, fixture("getpaymethods")));
    await client({ accessKey: "access-key" }).billing.getPayMethods(1);

    expect(whmcs.requests).toHaveLength(1);
    const [request] = whmcs.requests;
    expect(request!.path).toBe("/whmcs/includes/api.php");
    expect(request!.contentType).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(request!.form)).toEqual({
      action: "GetPayMethods",
      identifier: "api-identifier",
      secret: "api-secret",
      accesskey: "access-key",
      responsetype: "json",
      clientid: "1",
    });
  });

  it("leaves accesskey out when none is configured", async () => {
    whmcs.handle((_request, res) => answerJson(res, 200, fixture("whmcsdetails")));
    await client().system.ping();
    expect(whmcs.requests[0]!.form.has("accesskey")).toBe(false);
    expect(actions()).toEqual(["WhmcsDetails"]);
  });
});

describe("errors", () => {
  it("turns result:error (HTTP 200) into a rejected error carrying WHMCS's message", async () => {
    whmcs.handle((_request, res) =>
      answerJson(res, 200, { result: "error", message: "Client Not Found" }),
    );
    const error = await failure(client().billing.getPayMethods(99));
    expect(error).toMatchObject({
      kind: "rejected",
      operation: "GetPayMethods",
      vendorMessage: "Client Not Found",
      httpStatus: 200,
    });
    expect(error.message).not.toContain("Client Not Found");
    expect(whmcs.requests).toHaveLength(1);
  });

  it("retries a read on HTTP 503, then reports it unavailable", async () => {
    whmcs.handle((_request, res) => res.writeHead(503).end("Service Unavailable"));
    const error = await failure(client({ readRetries: 2 }).billing.getPayMethods(1));
    expect(error).toMatchObject({
      kind: "unavailable",
      operation: "GetPayMethods",
      httpStatus: 503,
    });
    expect(whmcs.requests).toHaveLength(3);
  });

  it("succeeds when a retried read answers after HTTP 429", async () => {
    let calls = 0;
    whmcs.handle((_request, res) => {
      calls += 1;
      if (calls === 1) {
        res.writeHead(429).end();
      } else {
        answerJson(res, 200, fixture("getpaymethods"));
      }
    });
    const methods = await client().billing.getPayMethods(1);
    expect(methods).toHaveLength(4);
    expect(whmcs.requests).toHaveLength(2);
  });

  it("never retries a write", async () => {
    whmcs.handle((_request, res) => res.writeHead(503).end());
    const error = await failure(
      client({ readRetries: 3 }).billing.createSsoToken({ clientId: 1, invoiceId: 1001 }),
    );
    expect(error).toMatchObject({
      kind: "unavailable",
      operation: "CreateSsoToken",
      httpStatus: 503,
    });
    expect(whmcs.requests).toHaveLength(1);
  });

  it("gives up on an attempt that exceeds the timeout", async () => {
    whmcs.handle(() => {
      // Never answers; the fake's close() drops the socket.
    });
    const error = await failure(
      client({ timeoutMs: 100, readRetries: 1 }).billing.getPayMethods(1),
    );
    expect(error.kind).toBe("unavailable");
    expect(error.message).toContain("No answer within 100 ms");
    expect(whmcs.requests).toHaveLength(2);
  });

  it("reports a refused connection as unavailable", async () => {
    const url = whmcs.url;
    await whmcs.close();
    const error = await failure(client({ baseUrl: url, readRetries: 0 }).billing.getPayMethods(1));
    expect(error.kind).toBe("unavailable");
    whmcs = await startFakeWhmcs();
  });

  it("calls a non-JSON answer malformed", async () => {
    whmcs.handle((_request, res) =>
      res.writeHead(200, { "content-type": "text/html" }).end("<html>Oops</html>"),
    );
    const error = await failure(client().billing.getPayMethods(1));
    expect(error).toMatchObject({ kind: "malformed", httpStatus: 200 });
    expect(whmcs.requests).toHaveLength(1);
  });

  it("calls a JSON answer without a result field malformed", async () => {
    whmcs.handle((_request, res) => answerJson(res, 200, { paymethods: [] }));
    expect((await failure(client().billing.getPayMethods(1))).kind).toBe("malformed");
  });

  it("calls an answer that does not match the documented shape malformed", async () => {
    whmcs.handle((_request, res) =>
      answerJson(res, 200, {
        result: "success",
        totalresults: "1",
        invoices: { invoice: [{ id: "x" }] },
      }),
    );
    const error = await failure(
      client().billing.getInvoices({ clientId: 1, page: 1, pageSize: 10 }),
    );
    expect(error).toMatchObject({ kind: "malformed", operation: "GetInvoices" });
  });

  it("calls an answer whose values the portal cannot accept malformed", async () => {
    whmcs.handle((_request, res) => {
      const body = fixture("getinvoices");
      (body.invoices as { invoice: Record<string, unknown>[] }).invoice[0]!.currencycode =
        "dollars";
      answerJson(res, 200, body);
    });
    const error = await failure(
      client().billing.getInvoices({ clientId: 1, page: 1, pageSize: 10 }),
    );
    expect(error).toMatchObject({ kind: "malformed", operation: "GetInvoices" });
  });
});

describe("throttle", () => {
  it("keeps no more calls in flight than the configured concurrency", async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    whmcs.handle((_request, res) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      setTimeout(() => {
        inFlight -= 1;
        answerJson(res, 200, fixture("getpaymethods"));
      }, 20);
    });
    const whmcsClient = client({ concurrency: 2 });
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, index) => whmcsClient.billing.getPayMethods(index + 1)),
    );
    expect(results).toHaveLength(6);
    expect(whmcs.requests).toHaveLength(6);
    expect(maxInFlight).toBeGreaterThan(0);
    expect(maxInFlight).toBeLessThanOrEqual(2);
  });
});

describe("observer", () => {
  it("hears of every HTTP call once, retries included, with its outcome", async () => {
    let calls = 0;
    whmcs.handle((_request, res) => {
      calls += 1;
      if (calls === 1) {
        res.writeHead(503).end();
      } else {
        answerJson(res, 200, fixture("getpaymethods"));
      }
    });
    const records: UpstreamCallRecord[] = [];
    const observer = { callFinished: (record: UpstreamCallRecord) => records.push(record) };
    await client({ observer }).billing.getPayMethods(1);
    expect(records).toEqual([
      {
        system: "whmcs",
        operation: "GetPayMethods",
        outcome: "unavailable",
        httpStatus: 503,
        durationMs: expect.any(Number),
      },
      {
        system: "whmcs",
        operation: "GetPayMethods",
        outcome: "ok",
        durationMs: expect.any(Number),
      },
    ]);
  });
});

describe("clients", () => {
  it("finds a client id by exact email, ignoring case and prefix matches", async () => {
    whmcs.handle((_request, res) =>
      answerJson(res, 200, {
        result: "success",
        totalresults: 2,
        startnumber: 0,
        numreturned: 2,
        clients: {
          client: [
            {
              id: 7,
              firstname: "A",
              lastname: "B",
              email: "demo@example.com.au",
              status: "Active",
            },
            {
              id: 1,
              firstname: "Taro",
              lastname: "Yamada",
              email: "Demo@Example.com",
              status: "Active",
            },
          ],
        },
      }),
    );
    await expect(client().clients.findIdByEmail("demo@example.com")).resolves.toBe(1);
    expect(whmcs.requests[0]!.form.get("search")).toBe("demo@example.com");
  });

  it("validates a client-area login and returns the client id", async () => {
    whmcs.handle((_request, res) => answerJson(res, 200, fixture("validatelogin")));
    await expect(client().clients.validateLogin("user@example.com", "abc123")).resolves.toBe(1);
    expect(Object.fromEntries(whmcs.requests[0]!.form)).toMatchObject({
      action: "ValidateLogin",
      email: "user@example.com",
      password2: "abc123",
    });
  });

  it("answers null for credentials WHMCS refuses", async () => {
    whmcs.handle((_request, res) =>
      answerJson(res, 200, { result: "error", message: "Email or Password Invalid" }),
    );
    await expect(client().clients.validateLogin("user@example.com", "wrong")).resolves.toBeNull();
    expect(whmcs.requests).toHaveLength(1);
  });

  it("finds nothing when GetClients answers an empty list", async () => {
    whmcs.handle((_request, res) =>
      answerJson(res, 200, {
        result: "success",
        totalresults: 0,
        startnumber: 0,
        numreturned: 0,
        clients: "",
      }),
    );
    await expect(client().clients.findIdByEmail("nobody@example.com")).resolves.toBeNull();
  });

  it("adds a client once with the signup data and returns its id", async () => {
    whmcs.handle((_request, res) => answerJson(res, 200, fixture("addclient")));
    const result = await client().clients.add({
      email: "hanako@example.com",
      firstName: "Hanako",
      lastName: "Suzuki",
      lastNameKana: "スズキ",
      firstNameKana: "ハナコ",
      phone: "090-1234-5678",
      address: addressSchema.parse({
        postcode: "1500002",
        prefecture: "Tokyo",
        city: "Shibuya-ku",
        street: "1-2-3 Shibuya",
      }),
      customerNumber: "100002",
    });
    expect(result).toEqual({ clientId: 1 });
    const form = whmcs.requests[0]!.form;
    expect(form.get("action")).toBe("AddClient");
    expect(form.get("country")).toBe("JP");
    expect(form.get("postcode")).toBe("150-0002");
    expect(form.get("notes")).toBe("Portal customer number: 100002");
    expect(form.get("skipvalidation")).toBe("true");
    expect(form.get("noemail")).toBe("true");
    expect(form.get("password2")).toMatch(/^[\w-]{32}$/);
    // base64 of PHP serialize(array(7 => 'スズキ', 8 => 'ハナコ')): integer keys, UTF-8 byte lengths.
    expect(Buffer.from(form.get("customfields") ?? "", "base64").toString("utf8")).toBe(
      'a:2:{i:7;s:9:"スズキ";i:8;s:9:"ハナコ";}',
    );
  });

  it("does not retry AddClient after a timeout", async () => {
    whmcs.handle(() => undefined);
    const error = await failure(
      client({ timeoutMs: 100 }).clients.add({
        email: "x@example.com",
        firstName: "X",
        lastName: "Y",
        lastNameKana: "ワイ",
        firstNameKana: "エックス",
        phone: "090-1234-5678",
        address: addressSchema.parse({
          postcode: "1500002",
          prefecture: "Tokyo",
          city: "A",
          street: "B",
        }),
        customerNumber: "100003",
      }),
    );
    expect(error.kind).toBe("unavailable");
    expect(whmcs.requests).toHaveLength(1);
  });

  it("reads a client's details without statistics", async () => {
    whmcs.handle((_request, res) => answerJson(res, 200, fixture("getclientsdetails")));
    const details = await client().clients.get(1);
    expect(details).toMatchObject({
      id: 1,
      email: "test-client@example.com",
      currency: "USD",
      address: null,
    });
    expect(whmcs.requests[0]!.form.get("clientid")).toBe("1");
    expect(whmcs.requests[0]!.form.has("stats")).toBe(false);
  });

  it("answers null for an unknown client and throws for other rejections", async () => {
    whmcs.handle((_request, res) =>
      answerJson(res, 200, { result: "error", message: "Client Not Found" }),
    );
    await expect(client().clients.get(404)).resolves.toBeNull();

    whmcs.handle((_request, res) =>
      answerJson(res, 403, { result: "error", message: "Invalid IP 10.0.0.1" }),
    );
    const error = await failure(client().clients.get(1));
    expect(error).toMatchObject({ kind: "rejected", httpStatus: 403 });
  });

  it("updates only the given fields and skips an empty patch", async () => {
    whmcs.handle((_request, res) => answerJson(res, 200, fixture("updateclient")));
    const whmcsClient = client();
    await whmcsClient.clients.update(1, {});
    expect(whmcs.requests).toHaveLength(0);

    await whmcsClient.clients.update(1, { phone: "03-1234-5678" });
    const form = Object.fromEntries(whmcs.requests[0]!.form);
    expect(form).toMatchObject({
      action: "UpdateClient",
      clientid: "1",
      phonenumber: "03-1234-5678",
    });
    expect(form).not.toHaveProperty("firstname");
    expect(form).not.toHaveProperty("address1");
    expect(form).not.toHaveProperty("customfields");

    await whmcsClient.clients.update(1, { firstNameKana: "ユキ" });
    const readings = whmcs.requests[1]!.form.get("customfields") ?? "";
    expect(Buffer.from(readings, "base64").toString("utf8")).toBe('a:1:{i:8;s:6:"ユキ";}');
  });

  it("reads the readings from the configured custom fields", async () => {
    const body = fixture("getclientsdetails");
    const client_ = body.client as Record<string, unknown>;
    whmcs.handle((_request, res) =>
      answerJson(res, 200, {
        ...body,
        client: {
          ...client_,
          customfields: [
            { id: 7, value: " スズキ " },
            { id: 9, value: "other" },
          ],
        },
      }),
    );
    expect(await client().clients.get(1)).toMatchObject({
      lastNameKana: "スズキ",
      firstNameKana: "",
    });
  });

  it("changes the e-mail, telling WHMCS's duplicate refusal from other failures", async () => {
    whmcs.handle((_request, res) => answerJson(res, 200, fixture("updateclient")));
    expect(await client().clients.changeEmail(1, "new@example.jp")).toBe("changed");
    expect(Object.fromEntries(whmcs.requests[0]!.form)).toMatchObject({
      action: "UpdateClient",
      clientid: "1",
      email: "new@example.jp",
    });

    whmcs.handle((_request, res) =>
      answerJson(res, 200, { result: "error", message: "Duplicate Email Address" }),
    );
    expect(await client().clients.changeEmail(1, "taken@example.jp")).toBe("email-in-use");

    whmcs.handle((_request, res) =>
      answerJson(res, 200, { result: "error", message: "Client ID Not Found" }),
    );
    await expect(client().clients.changeEmail(1, "x@example.jp")).rejects.toMatchObject({
      kind: "rejected",
    });
  });
});

describe("invoices", () => {
  it("asks for one page, newest first, with the WHMCS status filter", async () => {
    whmcs.handle((_request, res) => answerJson(res, 200, fixture("getinvoices")));
    const page = await client().billing.getInvoices({
      clientId: 1,
      status: "payment_pending",
      page: 3,
      pageSize: 10,
    });
    expect(Object.fromEntries(whmcs.requests[0]!.form)).toMatchObject({
      action: "GetInvoices",
      userid: "1",
      status: "Payment Pending",
      limitstart: "20",
      limitnum: "10",
      orderby: "date",
      order: "desc",
    });
    // The reference invoice is Unpaid and was due 2016-01-08, long before NOW.
    expect(page).toEqual({
      totalResults: 1,
      invoices: [
        expect.objectContaining({
          id: 1,
          status: "overdue",
          total: { amount: 1595, currency: "USD" },
        }),
      ],
    });
  });

  it("takes today in the WHMCS time zone for the overdue rule", async () => {
    const dueToday = fixture("getinvoices");
    const invoices = dueToday.invoices as { invoice: Record<string, unknown>[] };
    invoices.invoice[0]!.duedate = "2026-05-10";
    whmcs.handle((_request, res) => answerJson(res, 200, dueToday));
    // 16:00 UTC on the due date is already 01:00 on 2026-05-11 in Tokyo.
    const at = (timeZone: string) =>
      client({ timeZone, now: () => new Date("2026-05-10T16:00:00Z") }).billing.getInvoices({
        clientId: 1,
        status: "all",
        page: 1,
        pageSize: 10,
      });

    const tokyo = await at("Asia/Tokyo");
    const utc = await at("UTC");

    expect(tokyo.invoices[0]!.status).toBe("overdue");
    expect(utc.invoices[0]!.status).toBe("unpaid");
  });

  it("sends no status filter for all", async () => {
    whmcs.handle((_request, res) =>
      answerJson(res, 200, {
        result: "success",
        totalresults: "0",
        startnumber: "0",
        numreturned: "0",
      }),
    );
    const page = await client().billing.getInvoices({
      clientId: 1,
      status: "all",
      page: 1,
      pageSize: 10,
    });
    expect(page).toEqual({ totalResults: 0, invoices: [] });
    expect(whmcs.requests[0]!.form.has("status")).toBe(false);
  });

  it("reads one invoice with its owner in the given currency", async () => {
    whmcs.handle((_request, res) => answerJson(res, 200, fixture("getinvoice.v7")));
    const result = await client().billing.getInvoice(1, "JPY");
    expect(whmcs.requests[0]!.form.get("invoiceid")).toBe("1");
    expect(result?.clientId).toBe(2361);
    expect(result?.invoice.total).toEqual({ amount: 16, currency: "JPY" });
  });

  it("answers null for an unknown invoice", async () => {
    whmcs.handle((_request, res) =>
      answerJson(res, 200, { result: "error", message: "Invoice ID Not Found" }),
    );
    await expect(client().billing.getInvoice(9999, "JPY")).resolves.toBeNull();
  });

  it("creates an SSO link to the invoice page that expires 60 s from now", async () => {
    whmcs.handle((_request, res) => answerJson(res, 200, fixture("createssotoken")));
    const link = await client().billing.createSsoToken({ clientId: 1, invoiceId: 1001 });
    expect(Object.fromEntries(whmcs.requests[0]!.form)).toMatchObject({
      action: "CreateSsoToken",
      client_id: "1",
      destination: "sso:custom_redirect",
      sso_redirect_path: "viewinvoice.php?id=1001",
    });
    expect(link).toEqual({
      url: "http://example.test/oauth/singlesignon.php?access_token=afaed4482ad1e6b75492cdd421cc458b1991a97c",
      expiresAt: "2026-11-21T04:27:56.000Z",
    });
  });
});
