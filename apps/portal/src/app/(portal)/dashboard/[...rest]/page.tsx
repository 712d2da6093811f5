import { notFound } from "next/navigation";

/** Any `/dashboard/…` path below the dashboard: not found, inside the portal shell. */
export default function UnknownDashboardPage(): never {
  notFound();
}
