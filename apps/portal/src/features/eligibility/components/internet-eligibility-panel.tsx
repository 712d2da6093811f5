"use client";

import { type Address, type Eligibility } from "@portal/domain";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { SupportContact } from "@/components/layout/support-contact";
import { QueryError } from "@/components/query-error";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useProfile } from "@/features/account/hooks/use-profile";
import { EligibilityRequestForm } from "@/features/eligibility/components/eligibility-request-form";
import { useEligibility } from "@/features/eligibility/hooks/use-eligibility";
import { formatAddressLines } from "@/lib/format/address";
import { useFormat } from "@/lib/format/use-format";

/** Business days staff usually need to answer an eligibility request (shown to the customer). */
const CHECK_BUSINESS_DAYS = 3;

const BADGE_TONES = {
  not_requested: "neutral",
  pending: "info",
  eligible: "success",
  ineligible: "warning",
} as const;

/**
 * The customer's fibre internet eligibility, self-contained (its own queries) so it can sit on
 * `/account`, the dashboard and `/catalog/internet` alike:
 * - not requested: what it is for, and the form with the address on file, editable;
 * - pending: "we are checking, usually within N business days", with the address asked;
 * - eligible: the offering type the address qualifies for;
 * - ineligible: why fibre cannot be ordered there, and how to reach support.
 * Once asked, another address (e.g. after a move) can be asked from every state.
 */
export function InternetEligibilityPanel() {
  const t = useTranslations("eligibility");
  const eligibility = useEligibility();
  const profile = useProfile();
  const [asking, setAsking] = useState(false);
  const titleId = useId();

  return (
    <Card role="region" aria-labelledby={titleId}>
      <CardHeader>
        <CardTitle id={titleId}>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4 text-sm">
        {eligibility.isError ? (
          <QueryError error={eligibility.error} onRetry={() => void eligibility.refetch()} />
        ) : eligibility.isPending || profile.isPending ? (
          <Skeleton className="h-24 w-full" />
        ) : (
          <>
            <EligibilityStatus eligibility={eligibility.data} />
            {eligibility.data.status === "not_requested" || asking ? (
              <EligibilityRequestForm
                key={eligibility.data.requestedAt ?? "first"}
                initial={profile.data?.address ?? null}
                onRequested={() => setAsking(false)}
                onCancel={
                  eligibility.data.status === "not_requested" ? undefined : () => setAsking(false)
                }
              />
            ) : (
              <div>
                <Button type="button" variant="outline" onClick={() => setAsking(true)}>
                  {t("askAnother")}
                </Button>
              </div>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
}

/** The status badge with what it means, and the address asked about when known. */
function EligibilityStatus({ eligibility }: { eligibility: Eligibility }) {
  const t = useTranslations("eligibility");
  const format = useFormat();
  // The offering type's name as the fibre catalog's headings spell it.
  const offeringLabel = useTranslations("catalog.offeringType");
  const { status, offeringType, requestedAddress, requestedAt } = eligibility;
  return (
    <div className="flex flex-col gap-3">
      <Badge tone={BADGE_TONES[status]}>{t(`status.${status}`)}</Badge>
      {status === "not_requested" ? <p>{t("notRequestedText")}</p> : null}
      {status === "pending" ? (
        <Alert tone="info">
          <AlertDescription>{t("pendingText", { days: CHECK_BUSINESS_DAYS })}</AlertDescription>
        </Alert>
      ) : null}
      {status === "eligible" && offeringType ? (
        <Alert tone="success">
          <AlertDescription>
            {t("eligibleText", { offering: offeringLabel(offeringType) })}
          </AlertDescription>
        </Alert>
      ) : null}
      {status === "ineligible" ? (
        <Alert tone="warning">
          <AlertDescription>
            <span className="block">{t("ineligibleText")}</span>
            <span className="block">{t("ineligibleContact")}</span>
          </AlertDescription>
        </Alert>
      ) : null}
      {status === "ineligible" ? <SupportContact heading /> : null}
      {requestedAddress ? (
        <div>
          <p className="text-muted-foreground">
            {requestedAt
              ? t("requestedOn", { date: format.dateTime(requestedAt) })
              : t("requestedAddress")}
          </p>
          <AddressLines address={requestedAddress} />
        </div>
      ) : null}
    </div>
  );
}

function AddressLines({ address }: { address: Address }) {
  const t = useTranslations("eligibility");
  const prefectureName = useTranslations("prefectures");
  const locale = useLocale();
  return (
    <address className="not-italic" aria-label={t("requestedAddress")}>
      {formatAddressLines(address, locale, prefectureName(address.prefecture)).map((line) => (
        <span key={line} className="block">
          {line}
        </span>
      ))}
    </address>
  );
}
