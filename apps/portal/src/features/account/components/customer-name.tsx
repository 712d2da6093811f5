"use client";

import { UserRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { Skeleton } from "@/components/ui/skeleton";
import { useProfile } from "@/features/account/hooks/use-profile";
import { useFormat } from "@/lib/format/use-format";

/**
 * The signed-in customer's name for the top bar, in the language's order and politeness
 * (`Yamada Taro 様` / `Taro Yamada`); nothing while unknown or on error.
 */
export function CustomerName() {
  const profile = useProfile();
  const t = useTranslations("account");
  const format = useFormat();
  if (profile.isPending) return <Skeleton className="h-5 w-28" />;
  if (profile.isError) return null;
  return (
    <p className="flex min-w-0 items-center gap-2 text-sm font-medium">
      <UserRound aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
      <span className="sr-only">{t("signedInAs")} </span>
      <span className="truncate">
        {t("customerName", { name: format.personName(profile.data) })}
      </span>
    </p>
  );
}
