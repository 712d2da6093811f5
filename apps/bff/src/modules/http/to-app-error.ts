import { HttpException } from "@nestjs/common";
import { type ErrorCode } from "@portal/domain";
import { translateUpstreamError } from "../upstream/upstream-error.translator.js";
import { AppError } from "./app-error.js";

const INTERNAL_MESSAGE = "Something went wrong on our side. Please try again in a few minutes.";
const TOO_LARGE_MESSAGE = "The request body is too large (at most 64 KiB).";

/** Messages of the errors the BFF raises without a more specific text. */
const DEFAULT_MESSAGE: Partial<Record<ErrorCode, string>> = {
  VALIDATION_FAILED: "Some fields are missing or invalid.",
  PAYLOAD_TOO_LARGE: TOO_LARGE_MESSAGE,
  UNAUTHENTICATED: "Please sign in to continue.",
  FORBIDDEN: "You are not allowed to do that.",
  NOT_FOUND: "We could not find what you asked for.",
  CONFLICT: "That cannot be done right now.",
  RATE_LIMITED: "Too many requests. Please wait a minute and try again.",
  INTERNAL: INTERNAL_MESSAGE,
};

/** 4xx statuses that have an error code of their own; other 4xx answers read as bad requests. */
const CODE_BY_STATUS: Record<number, ErrorCode> = {
  401: "UNAUTHENTICATED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  409: "CONFLICT",
  413: "PAYLOAD_TOO_LARGE",
  429: "RATE_LIMITED",
};

/** Fastify's body-parsing failures (fastify/lib/errors.js), answered as what the client did wrong. */
const FASTIFY_BODY_ERRORS: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: "PAYLOAD_TOO_LARGE", message: TOO_LARGE_MESSAGE },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: "VALIDATION_FAILED",
    message: "The request body is not valid JSON.",
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: "VALIDATION_FAILED", message: "The request body is empty." },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: "VALIDATION_FAILED",
    message: "Send the request body as JSON (Content-Type: application/json).",
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: "VALIDATION_FAILED",
    message: "The Content-Length header does not match the body.",
  },
};

/** The message of `code` when nothing more specific is known. */
function defaultMessage(code: ErrorCode): string {
  return DEFAULT_MESSAGE[code] ?? INTERNAL_MESSAGE;
}

/** A 4xx/5xx status as an error code: 5xx → INTERNAL, unlisted 4xx → VALIDATION_FAILED. */
function codeForStatus(status: number): ErrorCode {
  if (status >= 500) {
    return "INTERNAL";
  }
  return CODE_BY_STATUS[status] ?? "VALIDATION_FAILED";
}

function fastifyErrorCode(exception: unknown): { code: string; statusCode: number } | null {
  if (
    exception instanceof Error &&
    "code" in exception &&
    typeof exception.code === "string" &&
    exception.code.startsWith("FST_") &&
    "statusCode" in exception &&
    typeof exception.statusCode === "number"
  ) {
    return { code: exception.code, statusCode: exception.statusCode };
  }
  return null;
}

/**
 * Classifies anything a request can throw as the {@link AppError} the customer sees:
 * - `AppError` as is (services, guards, the validation pipe);
 * - `WhmcsError`/`SalesforceError` through `translateUpstreamError` (503/502);
 * - Fastify's body errors: too large → 413 PAYLOAD_TOO_LARGE, malformed JSON or a wrong content
 *   type → 400 VALIDATION_FAILED with `fields._root`;
 * - Nest `HttpException`s (an unknown route is a `NotFoundException`) by status, with our message;
 * - anything else → 500 INTERNAL without detail.
 * The original error stays as `cause`, for the log.
 */
export function toAppError(exception: unknown): AppError {
  if (exception instanceof AppError) {
    return exception;
  }
  const upstream = translateUpstreamError(exception);
  if (upstream) {
    return upstream;
  }
  const fastify = fastifyErrorCode(exception);
  if (fastify) {
    const known = FASTIFY_BODY_ERRORS[fastify.code];
    if (known) {
      const fields = known.code === "VALIDATION_FAILED" ? { _root: known.message } : undefined;
      return new AppError(known.code, known.message, { fields, cause: exception });
    }
    const code = codeForStatus(fastify.statusCode);
    return new AppError(code, defaultMessage(code), { cause: exception });
  }
  if (exception instanceof HttpException) {
    const code = codeForStatus(exception.getStatus());
    return new AppError(code, defaultMessage(code), { cause: exception });
  }
  return new AppError("INTERNAL", defaultMessage("INTERNAL"), { cause: exception });
}
