import { type Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { AuthShell } from "@/components/layout/auth-shell";
import { SESSION_EXPIRED_PARAM } from "@/config/routes";
import { LoginForm } from "@/features/auth/components/login-form";
import { safeNextPath } from "@/lib/navigation/safe-next-path";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("login");
  return { title: t("metaTitle") };
}

/**
 * `/auth/login?next=<path>`: sign-in page. After signing in the customer goes to `next` (only a
 * path on this site, see `safeNextPath`) or the dashboard; `session=expired` means the API client
 * could not renew the session, and the form says so.
 */
export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const requested = typeof params.next === "string" ? params.next : null;
  const sessionExpired = params[SESSION_EXPIRED_PARAM] === "expired";
  const [t, site] = await Promise.all([getTranslations("login"), getTranslations("site")]);
  return (
    <AuthShell
      title={t("title", { portalName: site("portalName") })}
      description={t("description")}
      footer={
        <>
          {t("newHere", { portalName: site("portalName") })}{" "}
          <Link
            href="/auth/signup"
            className="font-semibold text-primary underline-offset-4 hover:underline"
          >
            {t("createAccount")}
          </Link>
        </>
      }
    >
      <LoginForm next={safeNextPath(requested)} sessionExpired={sessionExpired} />
    </AuthShell>
  );
}
