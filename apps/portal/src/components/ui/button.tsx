import { Slot } from "@radix-ui/react-slot";
import { cva, type VariantProps } from "class-variance-authority";
import { type ComponentProps } from "react";
import { cn } from "@/lib/cn";

/**
 * Button styles, also used to style links as buttons (`buttonVariants({ variant: "outline" })`).
 * Colours are theme roles, so buttons follow the light and dark schemes.
 */
export const buttonVariants = cva(
  "inline-flex shrink-0 items-center justify-center gap-2 rounded-md text-sm font-semibold whitespace-nowrap transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring disabled:pointer-events-none disabled:opacity-60 [&_svg]:size-4 [&_svg]:shrink-0",
  {
    variants: {
      variant: {
        primary: "bg-primary text-primary-foreground shadow-sm hover:bg-primary-hover",
        secondary: "bg-brand-soft text-primary hover:bg-brand-soft-hover",
        outline: "border border-input bg-card text-foreground shadow-xs hover:bg-muted",
        ghost: "text-foreground hover:bg-muted",
        destructive:
          "bg-destructive text-destructive-foreground shadow-sm hover:bg-destructive-hover",
        link: "text-primary underline-offset-4 hover:underline",
      },
      // Below `sm` (phones) every size is at least 44 × 44 px, the touch target WCAG 2.5.5 asks for.
      size: {
        sm: "h-11 min-w-11 px-3 text-[13px] sm:h-8 sm:min-w-0",
        md: "h-11 min-w-11 px-4 sm:h-10 sm:min-w-0",
        lg: "h-11 px-6 text-base",
        icon: "size-11 sm:size-10",
      },
    },
    defaultVariants: { variant: "primary", size: "md" },
  },
);

/**
 * A button. `asChild` renders the single child (e.g. a `next/link` `Link`) with button styles
 * instead of a `<button>`. Icon-only buttons must contain screen-reader text
 * (`<span className="sr-only">Open navigation</span>`).
 */
export function Button({
  className,
  variant,
  size,
  asChild = false,
  type,
  ...props
}: ComponentProps<"button"> & VariantProps<typeof buttonVariants> & { asChild?: boolean }) {
  const Component = asChild ? Slot : "button";
  return (
    <Component
      className={cn(buttonVariants({ variant, size }), className)}
      type={asChild ? type : (type ?? "button")}
      {...props}
    />
  );
}
