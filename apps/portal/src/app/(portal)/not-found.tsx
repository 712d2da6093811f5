import { useTranslations } from "next-intl";
import { NotFoundMessage } from "@/components/not-found-message";

/**
 * A signed-in page that does not exist: shown inside the portal shell (navigation, account,
 * support contact), with the way back to the dashboard. The catch-all pages under `/billing` and
 * `/dashboard` send unknown paths here.
 */
export default function PortalNotFound() {
  const t = useTranslations("notFound");
  return (
    <NotFoundMessage
      title={t("title")}
      description={t("text")}
      backHref="/dashboard"
      backLabel={t("dashboard")}
    />
  );
}
