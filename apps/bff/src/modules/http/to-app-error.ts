import { HttpException } from "@nestjs/common";
import { type ErrorCode } from "@portal/domain";
import { translateUpstreamError } from "../upstream/upstream-error.translator.js";
import { AppError } from "./app-error.js";

const INTERNAL_MESSAGE = "Something went wrong on our side. Please try again in a few minutes.";
const TOO_LARGE_MESSAGE = "The request body is too large for this request.";

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

/**
 * HTTP statuses of Fastify's own request failures, which Nest hands to the filter as bare
 * `HttpException`s (RoutesResolver.mapExternalException): what the client should do instead.
 */
const REQUEST_FAILURES: Record<number, { code: ErrorCode; message: string; field: boolean }> = {
  413: { code: "PAYLOAD_TOO_LARGE", message: TOO_LARGE_MESSAGE, field: false },
  415: {
    code: "VALIDATION_FAILED",
    message: "Send the request body as JSON (Content-Type: application/json).",
    field: true,
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

/**
 * Classifies anything a request can throw as the {@link AppError} the customer sees:
 * - `AppError` as is (services, guards, the validation pipe);
 * - `WhmcsError`/`SalesforceError` through `translateUpstreamError` (503/502);
 * - Nest `HttpException`s by status, with our message: Fastify's request failures arrive as these
 *   (too large → 413 PAYLOAD_TOO_LARGE; not JSON → 400 VALIDATION_FAILED with `fields._root`),
 *   and so does an unknown route (`NotFoundException` → 404);
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
  if (exception instanceof HttpException) {
    const failure = REQUEST_FAILURES[exception.getStatus()];
    if (failure) {
      const fields = failure.field ? { _root: failure.message } : undefined;
      return new AppError(failure.code, failure.message, { fields, cause: exception });
    }
    const code = codeForStatus(exception.getStatus());
    return new AppError(code, defaultMessage(code), { cause: exception });
  }
  return new AppError("INTERNAL", defaultMessage("INTERNAL"), { cause: exception });
}
