import { useTranslations } from "next-intl";
import { NotFoundMessage } from "@/components/not-found-message";

/** Any URL the portal does not have. */
export default function NotFound() {
  const t = useTranslations("notFound");
  return (
    <main
      id="main-content"
      tabIndex={-1}
      className="mx-auto w-full max-w-2xl px-4 py-16 focus:outline-none"
    >
      <NotFoundMessage
        title={t("title")}
        description={t("text")}
        backHref="/"
        backLabel={t("home")}
      />
    </main>
  );
}
