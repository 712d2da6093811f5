import { type Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { AuthShell } from "@/components/layout/auth-shell";
import { SIGN_IN_PATH } from "@/config/routes";
import { ResetPasswordForm } from "@/features/password-reset/components/reset-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("passwordReset");
  return { title: t("resetMetaTitle") };
}

/**
 * `/auth/reset-password?token=…`: the e-mailed link's page. The server never reads the token
 * (it is not rendered or logged); the form takes it out of the address bar in the browser, and
 * the page is served with `Referrer-Policy: no-referrer` (next.config.ts).
 */
export default async function ResetPasswordPage() {
  const t = await getTranslations("passwordReset");
  return (
    <AuthShell
      title={t("resetTitle")}
      description={t("resetDescription")}
      footer={
        <Link
          href={SIGN_IN_PATH}
          className="font-semibold text-primary underline-offset-4 hover:underline"
        >
          {t("backToLogin")}
        </Link>
      }
    >
      <ResetPasswordForm />
    </AuthShell>
  );
}
