"use client";

import { type PostcodeAddress } from "@portal/domain";
import { useMutation } from "@tanstack/react-query";
import { Loader2, Search } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { lookupPostcode } from "@/features/address/api/address-api";
import { isApiClientError } from "@/lib/api/api-client-error";

/**
 * "住所を検索" / "Find address" beside a postcode field: looks the postcode up
 * (`GET /api/address/lookup`) and hands the first address to `onFound` (prefecture, city, and the
 * town as the start of the street). The outcome is announced in a polite live region, so a screen
 * reader hears that the fields were filled, or why not.
 */
export function PostcodeLookupButton({
  postcode,
  onFound,
}: {
  /** Reads the postcode field's current value when the button is pressed. */
  postcode: () => string;
  onFound: (address: PostcodeAddress) => void;
}) {
  const t = useTranslations("addressLookup");
  const lookup = useMutation({ mutationFn: lookupPostcode });
  const found = lookup.data?.addresses[0];
  const status = lookup.isPending
    ? t("searching")
    : lookup.isError
      ? isApiClientError(lookup.error, "NOT_FOUND")
        ? t("notFound")
        : isApiClientError(lookup.error, "VALIDATION_FAILED")
          ? t("invalid")
          : t("failed")
      : found
        ? t("filled", { address: `${found.prefectureName}${found.city}${found.town}` })
        : "";

  return (
    <div className="flex flex-col gap-1">
      <Button
        type="button"
        variant="outline"
        onClick={() =>
          lookup.mutate(postcode(), {
            onSuccess: (result) => {
              const first = result.addresses[0];
              if (first) onFound(first);
            },
          })
        }
        disabled={lookup.isPending}
      >
        {lookup.isPending ? (
          <Loader2 aria-hidden="true" className="animate-spin" />
        ) : (
          <Search aria-hidden="true" />
        )}
        {t("button")}
      </Button>
      <p role="status" aria-live="polite" className="text-[13px] text-muted-foreground">
        {status}
      </p>
    </div>
  );
}
