"use client";

import { Languages } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { localeCookie } from "@/i18n/locale-cookie";
import { type AppLocale } from "@/i18n/locales";

/**
 * The language switch of every page's header: one button naming the other language in that
 * language (`English` on a Japanese page, `日本語` on an English one). It remembers the choice
 * in the `NEXT_LOCALE` cookie for a year, then re-renders the page on the server in the new
 * language (`router.refresh()`, which also updates `<html lang>`); the URL stays the same.
 * Its accessible name starts with "言語 / Language", so it is found in either language.
 */
export function LocaleSwitcher({ className }: { className?: string }) {
  const locale = useLocale();
  const t = useTranslations("language");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const other: AppLocale = locale === "ja" ? "en" : "ja";

  function switchLocale() {
    document.cookie = localeCookie(other, window.location.protocol === "https:");
    startTransition(() => router.refresh());
  }

  return (
    <Button
      variant="ghost"
      size="sm"
      className={className}
      onClick={switchLocale}
      disabled={pending}
    >
      <Languages aria-hidden="true" />
      <span className="sr-only">{t("label")}: </span>
      <span lang={other}>{t(other)}</span>
    </Button>
  );
}
