import { type Metadata } from "next";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { AuthShell } from "@/components/layout/auth-shell";
import { SIGN_IN_PATH } from "@/config/routes";
import { SetPasswordForm } from "@/features/migration/components/set-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("migration");
  return { title: t("setPasswordMetaTitle") };
}

/**
 * `/auth/set-password`: the second step of the migration from the old billing portal; the
 * ticket from `/auth/migrate` travels in an HttpOnly cookie, so the page needs no parameters.
 */
export default function SetPasswordPage() {
  const t = useTranslations("migration");
  return (
    <AuthShell
      title={t("setPasswordTitle")}
      description={t("setPasswordDescriptionNoEmail")}
      footer={
        <Link
          href={SIGN_IN_PATH}
          className="font-semibold text-primary underline-offset-4 hover:underline"
        >
          {t("backToLogin")}
        </Link>
      }
    >
      <SetPasswordForm />
    </AuthShell>
  );
}
