import { type Metadata } from "next";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { AuthShell } from "@/components/layout/auth-shell";
import { SIGN_IN_PATH } from "@/config/routes";
import { SignupFlow } from "@/features/auth/components/signup-flow";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signup");
  return { title: t("metaTitle") };
}

/** `/auth/signup`: account creation for existing customers. */
export default function SignupPage() {
  const t = useTranslations("signup");
  const site = useTranslations("site");
  return (
    <AuthShell
      wide
      title={t("title", { portalName: site("portalName") })}
      description={t("description")}
      footer={
        <>
          {t("alreadyRegistered")}{" "}
          <Link
            href={SIGN_IN_PATH}
            className="font-semibold text-primary underline-offset-4 hover:underline"
          >
            {t("signIn")}
          </Link>
        </>
      }
    >
      <SignupFlow />
    </AuthShell>
  );
}
