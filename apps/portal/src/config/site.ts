/**
 * Facts about the provider that do not change with the language (its name, the portal's name
 * and the tagline are in the message catalogs, `site.*`; the support hours in `support.hours`).
 */
export const siteConfig = {
  supportPhone: "0120-000-000",
  supportEmail: "support@aozora-net.example",
} as const;
