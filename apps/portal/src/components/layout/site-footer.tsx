import { useTranslations } from "next-intl";
import { SupportContact } from "@/components/layout/support-contact";

/** Page footer of every shell, signed in or not: the company and how to reach support. */
export function SiteFooter() {
  const site = useTranslations("site");
  return (
    <footer className="border-t bg-card">
      <div className="mx-auto flex w-full max-w-7xl flex-col gap-3 px-4 py-6 text-sm text-muted-foreground sm:flex-row sm:items-start sm:justify-between sm:px-6 lg:px-8">
        <p>© {site("company")}</p>
        <SupportContact className="sm:items-end" />
      </div>
    </footer>
  );
}
