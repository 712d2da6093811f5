import { useTranslations } from "next-intl";
import Link from "next/link";
import { type ReactNode } from "react";
import { BrandLogo } from "@/components/layout/brand-logo";
import { LocaleSwitcher } from "@/components/layout/locale-switcher";
import { SiteFooter } from "@/components/layout/site-footer";
import { buttonVariants } from "@/components/ui/button";
import { SIGN_IN_PATH } from "@/config/routes";

/** Shell of the public pages (landing, sign-in, sign-up): header with the language switch, content, footer. */
export default function PublicLayout({ children }: { children: ReactNode }) {
  const t = useTranslations("site");
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b bg-card/95">
        <div className="mx-auto flex h-16 w-full max-w-6xl items-center justify-between gap-2 px-4 sm:gap-4 sm:px-6">
          <BrandLogo compact />
          <div className="flex items-center gap-2">
            <LocaleSwitcher />
            <Link
              href={SIGN_IN_PATH}
              className={buttonVariants({ variant: "outline", size: "sm" })}
            >
              {t("portalName")}
            </Link>
          </div>
        </div>
      </header>
      <main id="main-content" tabIndex={-1} className="flex flex-1 flex-col focus:outline-none">
        {children}
      </main>
      <SiteFooter />
    </div>
  );
}
