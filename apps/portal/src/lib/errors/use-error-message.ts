"use client";

import { type ErrorCode } from "@portal/domain";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { isApiClientError } from "@/lib/api/api-client-error";

/**
 * Turns a failure into the message the customer reads, in the page's language: the catalog's
 * `errors.codes.<CODE>` for a BFF error (the envelope's English `message` stays for API users
 * and logs), the generic "try again" for anything else. `ACCOUNT_LOCKED` says how many minutes
 * are left when the BFF sent `Retry-After`.
 * Source: DESIGN.md §10 "the portal shows the localized message".
 */
export function useErrorMessage() {
  const t = useTranslations("errors");
  const forCode = useCallback(
    (code: ErrorCode, retryAfterSeconds: number | null = null): string =>
      code === "ACCOUNT_LOCKED"
        ? t("codes.ACCOUNT_LOCKED", {
            minutes: retryAfterSeconds ? Math.ceil(retryAfterSeconds / 60) : 0,
          })
        : t(`codes.${code}`),
    [t],
  );
  const forError = useCallback(
    (error: unknown): string =>
      isApiClientError(error) ? forCode(error.code, error.retryAfterSeconds) : t("generic"),
    [t, forCode],
  );
  return { forCode, forError };
}
