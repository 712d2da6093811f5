import { type LocalizedText, type Money } from "@portal/domain";
import { useLocale } from "next-intl";
import { useMemo } from "react";
import { formatDate, formatDateTime } from "@/lib/format/date";
import { formatMoney } from "@/lib/format/money";
import {
  formatGreetingName,
  formatNameReading,
  formatPersonName,
  formatPersonNameWithReading,
  type PersonName,
} from "@/lib/format/person-name";

/**
 * The formatters bound to the current locale (from next-intl), for components: dates, instants,
 * money, full names (with their katakana reading where the language expects it, or the reading
 * alone), the name a greeting uses, and a text kept in both languages (product names and
 * descriptions from Salesforce `Name` / `Name_En__c`, decision 0064) in the current one. Works in client components and in non-async server components.
 */
export function useFormat() {
  const locale = useLocale();
  return useMemo(
    () => ({
      date: (isoDate: string) => formatDate(isoDate, locale),
      dateTime: (value: string) => formatDateTime(value, locale),
      money: (money: Money) => formatMoney(money, locale),
      personName: (name: PersonName) => formatPersonName(name, locale),
      personNameWithReading: (name: PersonName) => formatPersonNameWithReading(name, locale),
      nameReading: (name: PersonName) => formatNameReading(name),
      greetingName: (name: PersonName) => formatGreetingName(name, locale),
      text: (value: LocalizedText) => value[locale],
    }),
    [locale],
  );
}
