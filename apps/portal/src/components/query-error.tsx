"use client";

import { RotateCw } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { isApiClientError } from "@/lib/api/api-client-error";

/**
 * Inline error for data that failed to load, with a "Try again" button. The message comes from
 * the BFF's envelope (safe to show) and the request id is shown for support calls. An expired
 * session needs no retry: the API client is already taking the customer to sign in.
 */
export function QueryError({
  title = "We couldn't load this information",
  error,
  onRetry,
  retrying = false,
}: {
  title?: string;
  error: unknown;
  onRetry: () => void;
  retrying?: boolean;
}) {
  if (isApiClientError(error, "UNAUTHENTICATED")) {
    return (
      <Alert tone="info">
        <AlertDescription>Your session has ended. Taking you to sign in…</AlertDescription>
      </Alert>
    );
  }
  const message = isApiClientError(error)
    ? error.message
    : "Something went wrong. Please try again.";
  const requestId = isApiClientError(error) ? error.requestId : null;
  return (
    <Alert tone="destructive">
      <AlertTitle>{title}</AlertTitle>
      <AlertDescription className="flex flex-col gap-3">
        <p>{message}</p>
        {requestId ? <p className="text-xs text-muted-foreground">Reference: {requestId}</p> : null}
        <Button variant="outline" size="sm" className="w-fit" onClick={onRetry} disabled={retrying}>
          <RotateCw aria-hidden="true" className={retrying ? "animate-spin" : undefined} />
          Try again
        </Button>
      </AlertDescription>
    </Alert>
  );
}
