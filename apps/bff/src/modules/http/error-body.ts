import { type ApiError } from "@portal/domain";
import { type AppError } from "./app-error.js";

/**
 * The error envelope of docs/api.md for `error`: `{ error: { code, message, fields?, requestId } }`
 * — never upstream text or a stack trace. Shared by the exception filter and the upstream budget,
 * the two places that answer with an error.
 */
export function errorBody(error: AppError, requestId: string): ApiError {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.fields ? { fields: error.fields } : {}),
      requestId,
    },
  };
}
