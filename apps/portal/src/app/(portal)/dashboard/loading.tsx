import { DashboardSkeleton } from "@/features/account/components/dashboard-skeleton";

/** Shown while the dashboard segment loads. */
export default function DashboardLoading() {
  return <DashboardSkeleton />;
}
