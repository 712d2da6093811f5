"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** "Previous" / "Page x of y" / "Next" under the invoice list. */
export function InvoicePagination({
  page,
  totalPages,
  busy,
  onPageChange,
}: {
  page: number;
  totalPages: number;
  /** True while the requested page loads (the buttons wait for it). */
  busy: boolean;
  onPageChange: (page: number) => void;
}) {
  const t = useTranslations("invoices");
  return (
    <nav aria-label={t("pagination")} className="mt-4 flex items-center justify-between gap-3">
      <Button
        variant="outline"
        size="sm"
        disabled={busy || page <= 1}
        onClick={() => onPageChange(page - 1)}
      >
        <ChevronLeft aria-hidden="true" />
        {t("previous")}
      </Button>
      <p className="text-sm text-muted-foreground tabular-nums" aria-live="polite">
        {t("pageOf", { page, total: totalPages })}
      </p>
      <Button
        variant="outline"
        size="sm"
        disabled={busy || page >= totalPages}
        onClick={() => onPageChange(page + 1)}
      >
        {t("next")}
        <ChevronRight aria-hidden="true" />
      </Button>
    </nav>
  );
}
