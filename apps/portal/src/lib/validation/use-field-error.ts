"use client";

import { errorCodeSchema, type ErrorCode } from "@portal/domain";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { type FieldError } from "react-hook-form";

/** The forms whose field messages have their own catalog section (`validation.<form>`). */
export type LocalizedForm =
  | "login"
  | "signup"
  | "accountAddress"
  | "accountProfile"
  | "migration"
  | "setPassword"
  | "forgotPassword"
  | "resetPassword"
  | "emailChange"
  | "checkout";

const SERVER_PREFIX = "server:";

/**
 * The `type` of a field error the BFF reported (`form.setError(path, { type })`): it carries the
 * error code, so the message is looked up when shown and follows a language switch.
 */
export function serverErrorType(code: ErrorCode): string {
  return `${SERVER_PREFIX}${code}`;
}

/** The error code inside a {@link serverErrorType}, or null for a client-side error. */
function serverErrorCode(type: string): ErrorCode | null {
  if (!type.startsWith(SERVER_PREFIX)) return null;
  const parsed = errorCodeSchema.safeParse(type.slice(SERVER_PREFIX.length));
  return parsed.success ? parsed.data : "VALIDATION_FAILED";
}

/**
 * The catalog keys (under `validation`) that may hold the message of a client-side field error,
 * most specific first: `<form>.<field path>.<issue code>`, then `default.<issue code>`.
 */
export function validationMessageKeys(form: LocalizedForm, path: string, issueCode: string) {
  return [`${form}.${path}.${issueCode}`, `default.${issueCode}`] as const;
}

/**
 * Localizes a form's field errors. Client-side errors come from the domain's zod schemas through
 * the zod resolver, whose `type` is the zod issue code: the message is
 * `validation.<form>.<field path>.<issue code>` (e.g. `signup.address.postcode.invalid_format`),
 * else `validation.default.<issue code>`. The schemas' English messages stay what the BFF sends
 * to API users. Server errors ({@link serverErrorType}) show `errors.codes.<CODE>`, or the
 * generic "check this field" for `VALIDATION_FAILED` (the envelope's `fields` carry English text).
 */
export function useFieldError(form: LocalizedForm) {
  // Keys are built from zod issue codes and field paths at run time, beyond what the typed
  // catalog can check; `has` guards every lookup and the catalogs test keeps both languages equal.
  const t = useTranslations("validation") as unknown as {
    (key: string): string;
    has(key: string): boolean;
  };
  const errors = useTranslations("errors") as unknown as (key: string) => string;
  return useCallback(
    (path: string, error: Pick<FieldError, "type"> | undefined): string | undefined => {
      if (!error) return undefined;
      const type = String(error.type);
      const code = serverErrorCode(type);
      if (code) return code === "VALIDATION_FAILED" ? t("default.server") : errors(`codes.${code}`);
      const key = validationMessageKeys(form, path, type).find((candidate) => t.has(candidate));
      return t(key ?? "default.custom");
    },
    [t, errors, form],
  );
}
