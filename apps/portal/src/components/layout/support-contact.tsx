import { Mail, Phone } from "lucide-react";
import { useTranslations } from "next-intl";
import { siteConfig } from "@/config/site";
import { cn } from "@/lib/cn";

/**
 * How to reach support: phone (with the hours) and e-mail, as tappable `tel:` / `mailto:` links.
 * In the page footers and on every error page, so a customer who is stuck always sees it.
 * `heading` adds the "Need help?" line (error pages); the footers leave it out.
 */
export function SupportContact({
  heading = false,
  className,
}: {
  heading?: boolean;
  className?: string;
}) {
  const t = useTranslations("support");
  const link =
    "inline-flex min-h-11 items-center gap-1.5 rounded-sm font-medium text-foreground underline-offset-4 hover:underline sm:min-h-0";
  return (
    <div className={cn("flex flex-col gap-1 text-sm text-muted-foreground", className)}>
      {heading ? <p className="font-semibold text-foreground">{t("title")}</p> : null}
      <p className="flex flex-wrap items-center gap-x-2">
        <a className={link} href={`tel:${siteConfig.supportPhone}`}>
          <Phone aria-hidden="true" className="size-4" />
          <span className="sr-only">{t("phone")} </span>
          {siteConfig.supportPhone}
        </a>
        <span>{t("hours")}</span>
      </p>
      <p>
        <a className={link} href={`mailto:${siteConfig.supportEmail}`}>
          <Mail aria-hidden="true" className="size-4" />
          <span className="sr-only">{t("email")} </span>
          {siteConfig.supportEmail}
        </a>
      </p>
    </div>
  );
}
