import { type ReactNode } from "react";
import { LocaleSwitcher } from "@/components/layout/locale-switcher";
import { PortalHeader } from "@/components/layout/portal-header";
import { PortalNav } from "@/components/layout/portal-nav";
import { SiteFooter } from "@/components/layout/site-footer";
import { CustomerName } from "@/features/account/components/customer-name";
import { LogoutButton } from "@/features/auth/components/logout-button";

/**
 * Shell of the signed-in pages: top bar with the language switch, the customer's name and
 * "Log out", side navigation from `md` up (a sheet below), and the footer with the support
 * contact. Its `not-found.tsx` and the segments' `error.tsx` render inside it. Signed-out visitors never get here:
 * `src/proxy.ts` redirects them to sign in, and the API client does the same when the session
 * cannot be renewed.
 */
export default function PortalLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <PortalHeader
        account={
          <>
            <LocaleSwitcher />
            <div className="hidden min-w-0 sm:block">
              <CustomerName />
            </div>
            <LogoutButton />
          </>
        }
      />
      <div className="mx-auto flex w-full max-w-7xl flex-1 gap-10 px-4 sm:px-6 lg:px-8">
        <aside className="hidden w-56 shrink-0 border-r py-8 pr-6 md:block">
          <PortalNav />
        </aside>
        <main
          id="main-content"
          tabIndex={-1}
          className="min-w-0 flex-1 py-6 focus:outline-none sm:py-8"
        >
          {children}
        </main>
      </div>
      <SiteFooter />
    </div>
  );
}
