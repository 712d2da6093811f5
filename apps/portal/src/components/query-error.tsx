"use client";

import { RotateCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SupportContact } from "@/components/layout/support-contact";
import { isApiClientError } from "@/lib/api/api-client-error";
import { useErrorMessage } from "@/lib/errors/use-error-message";

/**
 * Inline error for data that failed to load, with a "Try again" button. The message is the
 * localized one for the BFF's error code (`useErrorMessage`) and the request id is shown for
 * support calls, with the support contact. An expired session needs no retry: the API client is already taking the
 * customer to sign in.
 */
export function QueryError({
  title,
  error,
  onRetry,
  retrying = false,
}: {
  /** Defaults to "We couldn't load this information" in the page's language. */
  title?: string;
  error: unknown;
  onRetry: () => void;
  retrying?: boolean;
}) {
  const t = useTranslations("errors");
  const message = useErrorMessage();
  if (isApiClientError(error, "UNAUTHENTICATED")) {
    return (
      <Alert tone="info">
        <AlertDescription>{t("sessionEnded")}</AlertDescription>
      </Alert>
    );
  }
  const requestId = isApiClientError(error) ? error.requestId : null;
  return (
    <Alert tone="destructive">
      <AlertTitle>{title ?? t("queryTitle")}</AlertTitle>
      <AlertDescription className="flex flex-col gap-3">
        <p>{message.forError(error)}</p>
        {requestId ? (
          <p className="text-xs text-muted-foreground">{t("reference", { requestId })}</p>
        ) : null}
        <Button variant="outline" size="sm" className="w-fit" onClick={onRetry} disabled={retrying}>
          <RotateCw aria-hidden="true" className={retrying ? "animate-spin" : undefined} />
          {t("tryAgain")}
        </Button>
        <SupportContact heading className="border-t border-destructive-border pt-3" />
      </AlertDescription>
    </Alert>
  );
}
