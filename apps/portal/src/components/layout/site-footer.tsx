import { useTranslations } from "next-intl";
import { siteConfig } from "@/config/site";

/** Page footer with the support line. */
export function SiteFooter() {
  const t = useTranslations("footer");
  const site = useTranslations("site");
  return (
    <footer className="border-t bg-card">
      <div className="mx-auto flex w-full max-w-6xl flex-col gap-1 px-4 py-6 text-sm text-muted-foreground sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>© {site("company")}</p>
        <p>
          {t("support")}{" "}
          <a
            className="font-medium text-foreground underline-offset-4 hover:underline"
            href={`tel:${siteConfig.supportPhone}`}
          >
            {siteConfig.supportPhone}
          </a>{" "}
          {t("hours")}
        </p>
      </div>
    </footer>
  );
}
