import { type Metadata, type Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { type ReactNode } from "react";
import { Providers } from "@/app/providers";
import "./globals.css";

/** Title and description of every page, in the request's language. */
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("site");
  return {
    title: { default: `${t("name")} ${t("portalName")}`, template: t("titleTemplate") },
    description: t("description"),
  };
}

export const viewport: Viewport = {
  themeColor: "#0a4d8c",
  width: "device-width",
  initialScale: 1,
};

/**
 * Root layout: document shell in the request's language (`<html lang>` from the locale next-intl
 * resolved, see `src/i18n/request.ts`), skip link, and the client providers. The messages of that
 * language reach client components through `NextIntlClientProvider`.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("common")]);
  return (
    <html lang={locale}>
      <body className="min-h-dvh">
        <a
          href="#main-content"
          className="sr-only z-50 rounded-md bg-card px-4 py-2 font-semibold text-primary shadow-lg focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:inline-flex focus:min-h-11 focus:items-center"
        >
          {t("skipToContent")}
        </a>
        <NextIntlClientProvider>
          <Providers>{children}</Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
