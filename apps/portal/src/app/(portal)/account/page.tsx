import { type Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccountOverview } from "@/features/account/components/account-overview";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("accountPage");
  return { title: t("metaTitle") };
}

/** `/account`: profile and address. */
export default function AccountPage() {
  return <AccountOverview />;
}
