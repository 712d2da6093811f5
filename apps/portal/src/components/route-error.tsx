"use client";

import { RotateCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SupportContact } from "@/components/layout/support-contact";

/**
 * Body of the `error.tsx` boundaries: something failed while rendering the segment. The error
 * itself is not shown (it may hold internals); `retry` re-renders the segment. The support
 * contact is on every error page.
 */
export function RouteError({ retry }: { retry: () => void }) {
  const t = useTranslations("errors");
  return (
    <Alert tone="destructive">
      <AlertTitle>{t("routeTitle")}</AlertTitle>
      <AlertDescription className="flex flex-col gap-3">
        <p>{t("routeText")}</p>
        <Button variant="outline" size="sm" className="w-fit" onClick={retry}>
          <RotateCw aria-hidden="true" />
          {t("tryAgain")}
        </Button>
        <SupportContact heading className="border-t border-destructive-border pt-3" />
      </AlertDescription>
    </Alert>
  );
}
