import { type Address } from "@portal/domain";
import { type AppLocale } from "@/i18n/locales";
import { formatPostcode } from "@/lib/format/postcode";

/**
 * An address as lines in the language's order. Japanese goes from large to small:
 * `〒150-0001`, then prefecture, city and street on one line, then the building. English goes
 * from small to large: building, street, city, then prefecture and postcode.
 * `prefectureName` is the prefecture as the language names it (`東京都` / `Tokyo`), so the
 * address's own prefecture field is not read (an order's snapshot keeps it as Salesforce stored it).
 * Source: Japan Post addressing guidance; DESIGN.md §10.
 */
export function formatAddressLines(
  address: Pick<Address, "postcode" | "city" | "street" | "building">,
  locale: AppLocale,
  prefectureName: string,
): string[] {
  const building = address.building.trim();
  if (locale === "ja") {
    return [
      formatPostcode(address.postcode),
      `${prefectureName}${address.city} ${address.street}`,
      ...(building ? [building] : []),
    ];
  }
  return [
    ...(building ? [building] : []),
    address.street,
    address.city,
    `${prefectureName} ${address.postcode}`,
  ];
}
