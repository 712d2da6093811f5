"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { portalNavigation } from "@/config/portal-navigation";
import { cn } from "@/lib/cn";

/**
 * The signed-in navigation (from `config/portal-navigation`). The current section's link — the
 * one whose path is the longest prefix of the page's (`/account/security` over `/account`) — is
 * marked `aria-current="page"`; `onNavigate` lets the mobile sheet close itself.
 */
export function PortalNav({ onNavigate }: { onNavigate?: () => void }) {
  const pathname = usePathname();
  const t = useTranslations("nav");
  const activeHref = portalNavigation
    .flatMap((section) => section.links.map((link) => link.href))
    .filter((href) => pathname === href || pathname.startsWith(`${href}/`))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <nav aria-label={t("label")} className="flex flex-col gap-6">
      {portalNavigation.map((section, index) => (
        <div key={section.title ?? `section-${index}`} className="flex flex-col gap-1">
          {section.title ? (
            <p className="px-3 pb-1 text-xs font-semibold tracking-wide text-muted-foreground uppercase">
              {t(section.title)}
            </p>
          ) : null}
          <ul className="flex flex-col gap-1">
            {section.links.map(({ title, href, icon: Icon }) => {
              const active = href === activeHref;
              return (
                <li key={href}>
                  <Link
                    href={href}
                    onClick={onNavigate}
                    aria-current={active ? "page" : undefined}
                    className={cn(
                      "flex min-h-11 items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors md:min-h-0",
                      active
                        ? "bg-brand-soft text-primary"
                        : "text-foreground/80 hover:bg-muted hover:text-foreground",
                    )}
                  >
                    <Icon aria-hidden="true" className="size-4 shrink-0" />
                    {t(title)}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
