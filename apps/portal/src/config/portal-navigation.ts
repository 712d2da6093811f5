import { FileText, LayoutDashboard, type LucideIcon } from "lucide-react";

/** One link of the signed-in navigation. */
export interface NavLink {
  title: string;
  href: string;
  icon: LucideIcon;
}

/** A titled group of links (e.g. "Billing"); `title: null` for top-level links. */
export interface NavSection {
  title: string | null;
  links: NavLink[];
}

/** The signed-in portal's navigation, as data (rendered by the sidebar and the mobile sheet). */
export const portalNavigation: NavSection[] = [
  { title: null, links: [{ title: "Dashboard", href: "/dashboard", icon: LayoutDashboard }] },
  { title: "Billing", links: [{ title: "Invoices", href: "/billing/invoices", icon: FileText }] },
];
