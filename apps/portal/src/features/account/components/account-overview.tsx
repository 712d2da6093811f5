"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { QueryError } from "@/components/query-error";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { AddressForm } from "@/features/account/components/address-form";
import { EmailChangeForm } from "@/features/account/components/email-change-form";
import { ProfileForm } from "@/features/account/components/profile-form";
import { InternetEligibilityPanel } from "@/features/eligibility/components/internet-eligibility-panel";
import { useProfile } from "@/features/account/hooks/use-profile";
import { formatAddressLines } from "@/lib/format/address";
import { useFormat } from "@/lib/format/use-format";

/**
 * `/account`: the customer's name (with its katakana reading: in brackets in Japanese, a row of
 * its own in English), phone and e-mail address with a form to change names, readings and
 * phone, the verified e-mail change ({@link EmailChangeForm}), and the address in
 * the language's order with a form to change it; fibre internet eligibility of the address
 * ({@link InternetEligibilityPanel}); a link to the security settings (`/account/security`).
 */
export function AccountOverview() {
  const t = useTranslations("accountPage");
  const prefectureName = useTranslations("prefectures");
  const locale = useLocale();
  const format = useFormat();
  const profile = useProfile();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const [editingProfile, setEditingProfile] = useState(false);
  const [savedProfile, setSavedProfile] = useState(false);
  const [changingEmail, setChangingEmail] = useState(false);
  const [changedEmail, setChangedEmail] = useState<string | null>(null);

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href="/account/security" className={buttonVariants({ variant: "outline" })}>
            {t("security")}
          </Link>
        }
      />
      {profile.isError ? (
        <QueryError error={profile.error} onRetry={() => void profile.refetch()} />
      ) : (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card>
            <CardHeader>
              <CardTitle>{t("profileTitle")}</CardTitle>
            </CardHeader>
            <CardContent className="flex flex-col gap-4">
              {savedProfile && !editingProfile ? (
                <Alert tone="success">
                  <AlertDescription>{t("profileSaved")}</AlertDescription>
                </Alert>
              ) : null}
              {changedEmail && !changingEmail ? (
                <Alert tone="success">
                  <AlertDescription>
                    {t("emailChange.changed", { email: changedEmail })}
                  </AlertDescription>
                </Alert>
              ) : null}
              {profile.isPending ? (
                <Skeleton className="h-24 w-full" />
              ) : editingProfile ? (
                <ProfileForm
                  current={profile.data}
                  onDone={(done) => {
                    setSavedProfile(done);
                    setEditingProfile(false);
                  }}
                />
              ) : (
                <>
                  <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-3 text-sm">
                    <dt className="text-muted-foreground">{t("name")}</dt>
                    <dd className="font-semibold">{format.personNameWithReading(profile.data)}</dd>
                    {locale === "en" && format.nameReading(profile.data) !== "" ? (
                      <>
                        <dt className="text-muted-foreground">{t("nameReading")}</dt>
                        <dd lang="ja">{format.nameReading(profile.data)}</dd>
                      </>
                    ) : null}
                    <dt className="text-muted-foreground">{t("customerNumber")}</dt>
                    <dd>{profile.data.customerNumber}</dd>
                    <dt className="text-muted-foreground">{t("phone")}</dt>
                    <dd>{profile.data.phone}</dd>
                    <dt className="text-muted-foreground">{t("email")}</dt>
                    <dd>
                      <span className="block break-all">{profile.data.email}</span>
                      <span className="block text-[13px] text-muted-foreground">
                        {t("emailNote")}
                      </span>
                    </dd>
                  </dl>
                  {changingEmail ? (
                    <EmailChangeForm
                      onDone={(newEmail) => {
                        setChangedEmail(newEmail);
                        setChangingEmail(false);
                      }}
                    />
                  ) : null}
                  <div className="flex flex-wrap gap-3">
                    <Button
                      type="button"
                      variant="outline"
                      onClick={() => {
                        setSavedProfile(false);
                        setEditingProfile(true);
                      }}
                    >
                      {t("changeProfile")}
                    </Button>
                    {changingEmail ? null : (
                      <Button
                        type="button"
                        variant="outline"
                        onClick={() => {
                          setChangedEmail(null);
                          setChangingEmail(true);
                        }}
                      >
                        {t("emailChange.change")}
                      </Button>
                    )}
                  </div>
                </>
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("addressTitle")}</CardTitle>
            </CardHeader>
            <CardContent className="flex flex-col gap-4 text-sm">
              {saved && !editing ? (
                <Alert tone="success">
                  <AlertDescription>{t("addressSaved")}</AlertDescription>
                </Alert>
              ) : null}
              {profile.isPending ? (
                <Skeleton className="h-24 w-full" />
              ) : editing ? (
                <AddressForm
                  current={profile.data.address}
                  onDone={(done) => {
                    setSaved(done);
                    setEditing(false);
                  }}
                />
              ) : (
                <>
                  {profile.data.address ? (
                    <address className="not-italic" aria-label={t("addressTitle")}>
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
                  <div>
                    <Button
                      type="button"
                      variant="outline"
                      onClick={() => {
                        setSaved(false);
                        setEditing(true);
                      }}
                    >
                      {t("changeAddress")}
                    </Button>
                  </div>
                </>
              )}
            </CardContent>
          </Card>
          <div className="lg:col-span-2">
            <InternetEligibilityPanel />
          </div>
        </div>
      )}
    </>
  );
}
