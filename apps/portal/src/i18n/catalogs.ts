import en from "@/messages/en.json";
import ja from "@/messages/ja.json";
import { type AppLocale } from "@/i18n/locales";

/** The message catalog of each locale (one JSON file per language, same keys in both). */
export const catalogs = { ja, en } satisfies Record<AppLocale, typeof en>;
