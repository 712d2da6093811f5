import { describe, expect, it } from "vitest";
import { redactSecretValues } from "./redact-secret-values.js";

const HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$k2vA3mY0bq6q0Jr3hQ2nH0nVb0qFQ8c8Rk1yq5r4C1I";
const JWT =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI1ZjE2In0.3Vt9yq8Nf0uVQ5bq9fLr0yQ2l3pZk1n4a7b8c9d0e1f";
const REFRESH_TOKEN = "Zq3xV9mK2pL7sT4wY1bN6cR0yH5fD3gA8jU2eI9oP4k";
const SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

function line(fields: Record<string, unknown>): string {
  return JSON.stringify({ level: 30, time: 1764604800000, ...fields });
}

describe("redactSecretValues", () => {
  it.each([
    [
      "an argon2 hash inside an error message",
      { err: { message: `insert failed: (${HASH}, 'x')` } },
      HASH,
    ],
    ["a JWT under an unremarkable key", { detail: { value: JWT } }, JWT],
    ["a refresh token in a URL path", { url: `/api/x/${REFRESH_TOKEN}` }, REFRESH_TOKEN],
    ["a SHA-256 digest", { msg: `signature ${SHA256} rejected` }, SHA256],
    ["a short token in a query string", { url: "/api/auth/csrf?token=abc123&x=1" }, "abc123"],
    ["a password in a query string", { url: "/x?password=Demo1234!portal" }, "Demo1234!portal"],
  ])("removes %s", (_label, fields, secret) => {
    const redacted = redactSecretValues(line(fields));

    expect(redacted).not.toContain(secret);
    expect(redacted).toContain("[Redacted]");
    expect(() => JSON.parse(redacted) as unknown).not.toThrow();
  });

  it("keeps request ids, paths, words, timestamps and ordinary numbers", () => {
    const ordinary = line({
      reqId: "c7713090-8aee-475b-aed4-217328438c5d",
      url: "/api/invoices/1001?status=unpaid&page=2",
      context: "EndSessionOnRefusalInterceptorAndMore",
      whmcsClientId: 1234567,
      msg: "request completed",
    });

    expect(redactSecretValues(ordinary)).toBe(ordinary);
  });
});

describe("redactSecretValues, by property name", () => {
  it.each([
    ["a password at the top level", { password: "Demo1234!portal" }, "Demo1234!portal"],
    ["a cookie header two levels down", { req: { headers: { cookie: "portal_at=abc" } } }, "abc"],
    ["a number under a card key", { payment: { cardnum: 4111111111111111 } }, "4111111111111111"],
    ["an object under a secret key", { secret: { inner: "hunter2", more: [1, 2] } }, "hunter2"],
    ["an array of Set-Cookie headers", { res: { "set-cookie": ["a=1", "b=2"] } }, "a=1"],
    ["a token deeper than three levels", { a: { b: { c: { d: { token: "t0k" } } } } }, "t0k"],
    ["a value with escaped quotes and braces", { password: 'he said "}, {"' }, "he said"],
  ])("removes %s", (_label, fields, secret) => {
    const redacted = redactSecretValues(line(fields));

    expect(redacted).not.toContain(secret);
    expect(redacted).toContain('"[Redacted]"');
    expect(() => JSON.parse(redacted) as unknown).not.toThrow();
  });

  it("keeps the rest of the line and the structure around a redacted value", () => {
    const redacted = redactSecretValues(
      line({ user: { password: { a: "x" }, id: 7 }, tail: [{ cookie: "c" }, "end"], n: 1 }),
    );

    expect(JSON.parse(redacted)).toEqual({
      level: 30,
      time: 1764604800000,
      user: { password: "[Redacted]", id: 7 },
      tail: [{ cookie: "[Redacted]" }, "end"],
      n: 1,
    });
  });

  it("leaves a sensitive name inside a string value alone (it is not a property)", () => {
    const ordinary = line({ msg: 'the body was {"password":1}' });

    expect(redactSecretValues(ordinary)).toBe(ordinary);
  });
});
