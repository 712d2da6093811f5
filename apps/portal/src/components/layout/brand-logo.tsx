import Link from "next/link";
import { siteConfig } from "@/config/site";
import { cn } from "@/lib/cn";

/** The provider's wordmark, linking to `href` (the landing page by default). */
export function BrandLogo({
  href = "/",
  tone = "dark",
  className,
}: {
  href?: string;
  tone?: "dark" | "light";
  className?: string;
}) {
  return (
    <Link
      href={href}
      className={cn(
        "inline-flex items-center gap-2 rounded-md text-[17px] font-bold tracking-tight",
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
      <span>
        {siteConfig.name}
        <span className="sr-only"> home</span>
      </span>
    </Link>
  );
}
