"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";

/**
 * How long a load may take before the customer is told it is slow (ms). The BFF answers within
 * 10 s (its upstream time budget per request), so the notice bridges the 3 s–10 s gap before
 * the error or the data arrives (decision 0024).
 */
export const SLOW_LOADING_AFTER_MS = 3_000;

/**
 * "This is taking longer than usual", shown once the component has been on screen for `afterMs`.
 * Placed in the loading skeletons, which are only mounted while data is pending, so mounting is
 * the start of the wait. The live region exists from the start so screen readers announce the
 * notice when it appears.
 */
export function SlowLoadingNotice({ afterMs = SLOW_LOADING_AFTER_MS }: { afterMs?: number }) {
  const t = useTranslations("errors");
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), afterMs);
    return () => clearTimeout(timer);
  }, [afterMs]);
  return (
    <div role="status" aria-live="polite" className="empty:hidden">
      {slow ? (
        <Alert tone="info" role="none" className="mb-5">
          <AlertTitle>{t("slowTitle")}</AlertTitle>
          <AlertDescription>{t("slowText")}</AlertDescription>
        </Alert>
      ) : null}
    </div>
  );
}
