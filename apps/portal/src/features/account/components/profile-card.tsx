"use client";

import { UserRound } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useProfile } from "@/features/account/hooks/use-profile";
import { formatAddressLines } from "@/lib/format/address";
import { useFormat } from "@/lib/format/use-format";

/**
 * The customer's name and service address as WHMCS holds them, in the language's conventions:
 * family name first with its katakana reading and the address from `〒` and prefecture down in
 * Japanese; given name first and the address from the building up in English. Hidden when the profile cannot be loaded
 * (the top bar then shows no name either).
 */
export function ProfileCard() {
  const profile = useProfile();
  const t = useTranslations("dashboard");
  const account = useTranslations("account");
  const prefectureName = useTranslations("prefectures");
  const locale = useLocale();
  const format = useFormat();
  if (profile.isError) return null;
  return (
    <Card>
      <CardHeader className="flex-row items-center gap-3">
        <span className="inline-flex size-9 items-center justify-center rounded-lg bg-brand-soft text-primary [&_svg]:size-[18px]">
          <UserRound aria-hidden="true" />
        </span>
        <CardTitle>{t("profileTitle")}</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-2 text-sm">
        {profile.isPending ? (
          <>
            <Skeleton className="h-5 w-36" />
            <Skeleton className="h-4 w-48" />
            <Skeleton className="h-4 w-40" />
          </>
        ) : (
          <>
            <p className="text-base font-semibold">
              {account("customerName", { name: format.personNameWithReading(profile.data) })}
            </p>
            {profile.data.address ? (
              <address className="text-muted-foreground not-italic">
                {formatAddressLines(
                  profile.data.address,
                  locale,
                  prefectureName(profile.data.address.prefecture),
                ).map((line) => (
                  <span key={line} className="block">
                    {line}
                  </span>
                ))}
              </address>
            ) : (
              <p className="text-muted-foreground">{t("noAddress")}</p>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
}
