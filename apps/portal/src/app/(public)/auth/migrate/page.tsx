import { type Metadata } from "next";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { AuthShell } from "@/components/layout/auth-shell";
import { SIGN_IN_PATH } from "@/config/routes";
import { MigrateForm } from "@/features/migration/components/migrate-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("migration");
  return { title: t("metaTitle") };
}

/**
 * `/auth/migrate`: existing customers of the old billing portal (WHMCS) prove their login, then
 * choose a portal password (`/auth/set-password`). Seeds "Login/Linking".
 */
export default function MigratePage() {
  const t = useTranslations("migration");
  return (
    <AuthShell
      title={t("title")}
      description={t("description")}
      footer={
        <Link
          href={SIGN_IN_PATH}
          className="font-semibold text-primary underline-offset-4 hover:underline"
        >
          {t("backToLogin")}
        </Link>
      }
    >
      <MigrateForm />
    </AuthShell>
  );
}
