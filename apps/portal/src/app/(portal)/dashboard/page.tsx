import { type Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DashboardOverview } from "@/features/account/components/dashboard-overview";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard");
  return { title: t("metaTitle") };
}

/** `/dashboard`: the signed-in home. */
export default function DashboardPage() {
  return <DashboardOverview />;
}
