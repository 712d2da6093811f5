import { type ReactNode } from "react";
import { BrandLogo } from "@/components/layout/brand-logo";
import { useTranslations } from "next-intl";
import { MobileNav } from "@/components/layout/mobile-nav";

/**
 * The signed-in top bar: menu button (narrow screens), brand, and `account` (language switch,
 * name, log out).
 */
export function PortalHeader({ account }: { account: ReactNode }) {
  const t = useTranslations("site");
  return (
    <header className="sticky top-0 z-30 border-b bg-card/95 backdrop-blur supports-[backdrop-filter]:bg-card/85">
      <div className="mx-auto flex h-16 w-full max-w-7xl items-center gap-2 px-3 sm:px-6 lg:px-8">
        <MobileNav />
        <BrandLogo href="/dashboard" compact />
        <span className="hidden rounded-full bg-brand-soft px-2.5 py-0.5 text-xs font-semibold text-primary sm:inline">
          {t("portalName")}
        </span>
        <div className="ml-auto flex min-w-0 items-center gap-2 sm:gap-4">{account}</div>
      </div>
    </header>
  );
}
