import { cva, type VariantProps } from "class-variance-authority";
import { type ComponentProps } from "react";
import { cn } from "@/lib/cn";

/**
 * Badge tones. Each pairs a tinted background with dark text (≥ 4.5:1) and a border, and the
 * badge always carries a word, so meaning never depends on colour alone (WCAG 1.4.1).
 */
export const badgeVariants = cva(
  "inline-flex w-fit items-center gap-1 rounded-full border px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap",
  {
    variants: {
      tone: {
        success: "border-success-border bg-success-soft text-success",
        warning: "border-warning-border bg-warning-soft text-warning",
        danger: "border-destructive-border bg-destructive-soft text-destructive",
        info: "border-info-border bg-info-soft text-info",
        neutral: "border-neutral-border bg-neutral-soft text-neutral",
      },
    },
    defaultVariants: { tone: "neutral" },
  },
);

/** A short status label. */
export function Badge({
  className,
  tone,
  ...props
}: ComponentProps<"span"> & VariantProps<typeof badgeVariants>) {
  return <span className={cn(badgeVariants({ tone }), className)} {...props} />;
}
