import { type AppLocale } from "@/i18n/locales";
import type en from "@/messages/en.json";

// Types next-intl's `useTranslations`, `getTranslations` and `useLocale`: a key that is not in
// the English catalog fails the type check (the catalogs test keeps Japanese in step).
declare module "next-intl" {
  interface AppConfig {
    Locale: AppLocale;
    Messages: typeof en;
  }
}
