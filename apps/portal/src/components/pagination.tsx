"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** "Previous" / "Page x of y" / "Next" under a paged list (invoices, orders); `label` names it. */
export function Pagination({
  label,
  page,
  totalPages,
  busy,
  onPageChange,
}: {
  label: string;
  page: number;
  totalPages: number;
  /** True while the requested page loads (the buttons wait for it). */
  busy: boolean;
  onPageChange: (page: number) => void;
}) {
  const t = useTranslations("common");
  return (
    <nav aria-label={label} className="mt-4 flex items-center justify-between gap-3">
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
