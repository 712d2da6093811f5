import { useTranslations } from "next-intl";
import Link from "next/link";
import { cn } from "@/lib/cn";

/**
 * The provider's wordmark, linking to `href` (the landing page by default). `compact` keeps
 * only the mark on narrow screens (the name stays for screen readers), leaving the header room
 * for the language switch.
 */
export function BrandLogo({
  href = "/",
  tone = "dark",
  compact = false,
  className,
}: {
  href?: string;
  tone?: "dark" | "light";
  compact?: boolean;
  className?: string;
}) {
  const t = useTranslations("site");
  return (
    <Link
      href={href}
      className={cn(
        "inline-flex min-h-11 min-w-11 items-center gap-2 rounded-md text-[17px] font-bold tracking-tight",
        tone === "dark" ? "text-foreground" : "text-white",
        className,
      )}
    >
      <svg aria-hidden="true" viewBox="0 0 32 32" className="size-8 shrink-0">
        <rect width="32" height="32" rx="8" fill="#0a4d8c" />
        <path
          d="M6 21c4-7 9-10 20-11"
          stroke="#5eead4"
          strokeWidth="3"
          strokeLinecap="round"
          fill="none"
        />
        <path
          d="M6 25c5-5 10-7 20-7"
          stroke="#ffffff"
          strokeWidth="3"
          strokeLinecap="round"
          fill="none"
        />
      </svg>
      <span className={compact ? "max-sm:sr-only" : undefined}>
        {t("name")}
        <span className="sr-only"> {t("homeSuffix")}</span>
      </span>
    </Link>
  );
}
