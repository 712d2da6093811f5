import { type Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { AuthShell } from "@/components/layout/auth-shell";
import { SESSION_EXPIRED_PARAM } from "@/config/routes";
import { LoginForm } from "@/features/auth/components/login-form";
import { MIGRATION_PATHS } from "@/features/migration/migration-paths";
import {
  PASSWORD_RESET_DONE_PARAM,
  PASSWORD_RESET_PATHS,
} from "@/features/password-reset/password-reset-paths";
import { safeNextPath } from "@/lib/navigation/safe-next-path";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("login");
  return { title: t("metaTitle") };
}

/**
 * `/auth/login?next=<path>`: sign-in page. After signing in the customer goes to `next` (only a
 * path on this site, see `safeNextPath`) or the dashboard; `session=expired` means the API client
 * could not renew the session, and the form says so; `reset=done` follows a password reset.
 */
export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const requested = typeof params.next === "string" ? params.next : null;
  const sessionExpired = params[SESSION_EXPIRED_PARAM] === "expired";
  const passwordReset = params[PASSWORD_RESET_DONE_PARAM] === "done";
  const [t, site, migration] = await Promise.all([
    getTranslations("login"),
    getTranslations("site"),
    getTranslations("migration"),
  ]);
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
      <LoginForm
        next={safeNextPath(requested)}
        sessionExpired={sessionExpired}
        passwordReset={passwordReset}
      />
      <p className="mt-4 text-center text-sm">
        <Link
          href={PASSWORD_RESET_PATHS.forgot}
          className="inline-flex min-h-11 items-center font-semibold text-primary underline-offset-4 hover:underline"
        >
          {t("forgotPassword")}
        </Link>
      </p>
      <p className="text-center text-sm">
        <Link
          href={MIGRATION_PATHS.migrate}
          className="inline-flex min-h-11 items-center font-semibold text-primary underline-offset-4 hover:underline"
        >
          {migration("loginLink")}
        </Link>
      </p>
    </AuthShell>
  );
}
