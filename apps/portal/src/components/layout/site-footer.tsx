import { siteConfig } from "@/config/site";

/** Page footer with the support line. */
export function SiteFooter() {
  return (
    <footer className="border-t bg-card">
      <div className="mx-auto flex w-full max-w-6xl flex-col gap-1 px-4 py-6 text-sm text-muted-foreground sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>© {siteConfig.name} K.K.</p>
        <p>
          Support:{" "}
          <a
            className="font-medium text-foreground underline-offset-4 hover:underline"
            href={`tel:${siteConfig.supportPhone}`}
          >
            {siteConfig.supportPhone}
          </a>{" "}
          (9:00–18:00 JST, every day)
        </p>
      </div>
    </footer>
  );
}
