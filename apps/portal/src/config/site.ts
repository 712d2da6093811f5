/**
 * Facts about the provider that do not change with the language (its name, the portal's name
 * and the tagline are in the message catalogs, `site.*`).
 */
export const siteConfig = {
  supportPhone: "0120-000-000",
} as const;
