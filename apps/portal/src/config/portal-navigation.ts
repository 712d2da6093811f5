import {
  CreditCard,
  FileText,
  LayoutDashboard,
  type LucideIcon,
  Package,
  ShieldCheck,
  ShoppingBag,
  UserRound,
} from "lucide-react";

/** The navigation's labels: keys of the `nav` section of the message catalogs. */
export type NavLabel =
  "dashboard" | "catalog" | "orders" | "billing" | "invoices" | "payments" | "account" | "security";

/** One link of the signed-in navigation. */
export interface NavLink {
  title: NavLabel;
  href: string;
  icon: LucideIcon;
}

/** A titled group of links (e.g. "Billing"); `title: null` for top-level links. */
export interface NavSection {
  title: NavLabel | null;
  links: NavLink[];
}

/** The signed-in portal's navigation, as data (rendered by the sidebar and the mobile sheet). */
export const portalNavigation: NavSection[] = [
  {
    title: null,
    links: [
      { title: "dashboard", href: "/dashboard", icon: LayoutDashboard },
      { title: "catalog", href: "/catalog", icon: ShoppingBag },
      { title: "orders", href: "/orders", icon: Package },
    ],
  },
  {
    title: "billing",
    links: [
      { title: "invoices", href: "/billing/invoices", icon: FileText },
      { title: "payments", href: "/billing/payments", icon: CreditCard },
    ],
  },
  {
    title: null,
    links: [
      { title: "account", href: "/account", icon: UserRound },
      { title: "security", href: "/account/security", icon: ShieldCheck },
    ],
  },
];
