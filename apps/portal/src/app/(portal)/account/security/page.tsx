import { type Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { ActivityCard } from "@/features/account-security/components/activity-card";
import { PasswordChangeCard } from "@/features/account-security/components/password-change-card";
import { SessionsCard } from "@/features/account-security/components/sessions-card";
import { TwoFactorCard } from "@/features/account-security/components/two-factor-card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("accountSecurity");
  return { title: t("metaTitle") };
}

/** `/account/security`: password, two-factor authentication, sessions and security activity. */
export default async function AccountSecurityPage() {
  const t = await getTranslations("accountSecurity");
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      <PasswordChangeCard />
      <TwoFactorCard />
      <SessionsCard />
      <ActivityCard />
    </div>
  );
}
