/** The provider's name and tagline as the portal shows them. */
export const siteConfig = {
  name: "Aozora Net",
  portalName: "My Page",
  description:
    "Fibre internet and mobile plans across Japan. Manage your account, invoices and payments online.",
  supportPhone: "0120-000-000",
} as const;
