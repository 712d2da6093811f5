import { HttpException, Logger, NotFoundException } from "@nestjs/common";
import { ExecutionContextHost } from "@nestjs/core/helpers/execution-context-host.js";
import { apiErrorSchema } from "@portal/domain";
import { SalesforceError } from "@portal/salesforce";
import { WhmcsError } from "@portal/whmcs";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "./app-error.js";
import { GlobalExceptionFilter } from "./global-exception.filter.js";
import { ZodPipe } from "./zod.pipe.js";

/** What the filter wrote on the (fake) Fastify reply. */
interface Sent {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

function respond(exception: unknown): Sent {
  const sent: Sent = { status: 0, headers: {}, body: undefined };
  const reply = {
    sent: false,
    status(code: number) {
      sent.status = code;
      return reply;
    },
    headers(values: Record<string, string>) {
      Object.assign(sent.headers, values);
      return reply;
    },
    send(body: unknown) {
      sent.body = body;
      return reply;
    },
  };
  const request = { id: "req-123", method: "POST", url: "/api/test" };
  new GlobalExceptionFilter().catch(exception, new ExecutionContextHost([request, reply]));
  return sent;
}

function envelopeOf(sent: Sent) {
  return apiErrorSchema.parse(sent.body).error;
}

beforeAll(() => {
  Logger.overrideLogger(false);
});

describe("GlobalExceptionFilter", () => {
  it("sends an AppError with its status, code, message, fields, headers and the request id", () => {
    const sent = respond(
      new AppError("ACCOUNT_LOCKED", "Locked.", {
        fields: { email: "Locked." },
        headers: { "retry-after": "60" },
      }),
    );

    expect(sent.status).toBe(423);
    expect(sent.headers).toEqual({ "retry-after": "60" });
    expect(envelopeOf(sent)).toEqual({
      code: "ACCOUNT_LOCKED",
      message: "Locked.",
      fields: { email: "Locked." },
      requestId: "req-123",
    });
  });

  it("turns a failed ZodPipe into 400 VALIDATION_FAILED naming each field", () => {
    const pipe = new ZodPipe(
      z.object({
        email: z.email("Enter a valid email"),
        address: z.object({ postcode: z.string() }),
      }),
    );
    let thrown: unknown;
    try {
      pipe.transform({ email: "nope", address: {} });
    } catch (error) {
      thrown = error;
    }

    const sent = respond(thrown);

    expect(sent.status).toBe(400);
    expect(envelopeOf(sent)).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { email: "Enter a valid email", "address.postcode": expect.any(String) },
    });
  });

  it("maps Fastify's request failures, as Nest passes them on, to clean 4xx answers", () => {
    // Nest's RoutesResolver turns Fastify errors into bare HttpExceptions with Fastify's status.
    const tooLarge = respond(new HttpException("Request body is too large", 413));
    const wrongType = respond(new HttpException("Unsupported Media Type: text/plain", 415));

    expect([tooLarge.status, envelopeOf(tooLarge).code]).toEqual([413, "PAYLOAD_TOO_LARGE"]);
    expect([wrongType.status, envelopeOf(wrongType).code]).toEqual([400, "VALIDATION_FAILED"]);
    expect(envelopeOf(wrongType).fields).toHaveProperty("_root");
    expect(envelopeOf(wrongType).message).not.toContain("text/plain");
  });

  it("answers an unknown route (Nest NotFoundException) with 404 NOT_FOUND in the envelope", () => {
    const sent = respond(new NotFoundException("Cannot GET /api/nowhere"));

    expect(sent.status).toBe(404);
    expect(envelopeOf(sent).code).toBe("NOT_FOUND");
    expect(envelopeOf(sent).message).not.toContain("/api/nowhere");
  });

  it("answers upstream outages with 503 and bad upstream answers with 502, never with upstream text", () => {
    const secret = "SQLSTATE[42S22] column tblclients.foo";
    const whmcsDown = respond(
      new WhmcsError("unavailable", "GetInvoices", { httpStatus: 503, vendorMessage: secret }),
    );
    const whmcsRejected = respond(
      new WhmcsError("rejected", "GetInvoices", { vendorMessage: secret }),
    );
    const sfLimit = respond(
      new SalesforceError("unavailable", "getAccount", {
        vendorCode: "REQUEST_LIMIT_EXCEEDED",
        vendorMessage: secret,
      }),
    );
    const sfMalformed = respond(new SalesforceError("malformed", "getAccount"));

    expect([whmcsDown.status, envelopeOf(whmcsDown).code]).toEqual([503, "UPSTREAM_UNAVAILABLE"]);
    expect(envelopeOf(whmcsDown).message).toMatch(
      /temporarily unavailable\. Please try again in a few minutes\./,
    );
    expect([whmcsRejected.status, envelopeOf(whmcsRejected).code]).toEqual([502, "UPSTREAM_ERROR"]);
    expect([sfLimit.status, envelopeOf(sfLimit).code]).toEqual([503, "UPSTREAM_UNAVAILABLE"]);
    expect([sfMalformed.status, envelopeOf(sfMalformed).code]).toEqual([502, "UPSTREAM_ERROR"]);
    for (const sent of [whmcsDown, whmcsRejected, sfLimit]) {
      expect(JSON.stringify(sent.body)).not.toContain("SQLSTATE");
    }
  });

  it("answers anything else with 500 INTERNAL and no detail", () => {
    const sent = respond(
      new TypeError("Cannot read properties of undefined (reading 'whmcsClientId')"),
    );

    expect(sent.status).toBe(500);
    expect(envelopeOf(sent)).toEqual({
      code: "INTERNAL",
      message: expect.stringMatching(/try again/),
      requestId: "req-123",
    });
    expect(JSON.stringify(sent.body)).not.toMatch(/whmcsClientId|TypeError|stack/);
  });
});
