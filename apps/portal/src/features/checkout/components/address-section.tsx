"use client";

import { type Address } from "@portal/domain";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { QueryError } from "@/components/query-error";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { useProfile } from "@/features/account/hooks/use-profile";
import { formatAddressLines } from "@/lib/format/address";

/** Where the customer changes the address on file. */
const ACCOUNT_PATH = "/account";

/**
 * Where the order goes: `address` when given (a fibre line's address found eligible), otherwise
 * the customer's address on file (WHMCS, as `/account` shows it), where a SIM is sent. The BFF
 * keeps a copy with the order; changing the address on file happens on `/account`.
 */
export function AddressSection({ address: given = null }: { address?: Address | null }) {
  const t = useTranslations("checkout");
  const prefectureName = useTranslations("prefectures");
  const locale = useLocale();
  const profile = useProfile();
  if (profile.isPending) return <Skeleton className="h-16 w-full" />;
  if (profile.isError) {
    return <QueryError error={profile.error} onRetry={() => void profile.refetch()} />;
  }
  const address = given ?? profile.data.address;
  return (
    <div className="flex flex-col gap-3">
      {address ? (
        <address className="not-italic" aria-label={t("addressLabel")}>
          {formatAddressLines(address, locale, prefectureName(address.prefecture)).map((line) => (
            <span key={line} className="block font-medium">
              {line}
            </span>
          ))}
        </address>
      ) : (
        <Alert tone="warning">
          <AlertDescription>{t("noAddress")}</AlertDescription>
        </Alert>
      )}
      <Link
        href={ACCOUNT_PATH}
        className="w-fit rounded-sm font-medium text-primary underline-offset-4 hover:underline"
      >
        {t("changeAddress")}
      </Link>
    </div>
  );
}
