import { type Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { AuthShell } from "@/components/layout/auth-shell";
import { SIGN_IN_PATH } from "@/config/routes";
import { ForgotPasswordForm } from "@/features/password-reset/components/forgot-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("passwordReset");
  return { title: t("forgotMetaTitle") };
}

/** `/auth/forgot-password`: asks for a password-reset link (decision 0041). */
export default async function ForgotPasswordPage() {
  const t = await getTranslations("passwordReset");
  return (
    <AuthShell
      title={t("forgotTitle")}
      description={t("forgotDescription")}
      footer={
        <Link
          href={SIGN_IN_PATH}
          className="font-semibold text-primary underline-offset-4 hover:underline"
        >
          {t("backToLogin")}
        </Link>
      }
    >
      <ForgotPasswordForm />
    </AuthShell>
  );
}
