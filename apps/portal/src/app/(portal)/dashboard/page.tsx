import { type Metadata } from "next";
import { DashboardOverview } from "@/features/account/components/dashboard-overview";

export const metadata: Metadata = { title: "Dashboard" };

/** `/dashboard`: the signed-in home. */
export default function DashboardPage() {
  return <DashboardOverview />;
}
