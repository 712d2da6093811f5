import { cva, type VariantProps } from "class-variance-authority";
import { AlertCircle, CheckCircle2, Info, TriangleAlert } from "lucide-react";
import { type ComponentProps } from "react";
import { cn } from "@/lib/cn";

const alertVariants = cva(
  "flex gap-3 rounded-lg border p-4 text-sm [&>svg]:mt-0.5 [&>svg]:size-4 [&>svg]:shrink-0",
  {
    variants: {
      tone: {
        info: "border-info-border bg-info-soft text-info",
        success: "border-success-border bg-success-soft text-success",
        warning: "border-warning-border bg-warning-soft text-warning",
        destructive: "border-destructive-border bg-destructive-soft text-destructive",
      },
    },
    defaultVariants: { tone: "info" },
  },
);

const icons = {
  info: Info,
  success: CheckCircle2,
  warning: TriangleAlert,
  destructive: AlertCircle,
};

/**
 * A message box. `destructive` alerts default to `role="alert"` so screen readers announce them
 * as soon as they appear; other tones use `role="status"`.
 */
export function Alert({
  className,
  tone,
  role,
  children,
  ...props
}: ComponentProps<"div"> & VariantProps<typeof alertVariants>) {
  const Icon = icons[tone ?? "info"];
  return (
    <div
      role={role ?? (tone === "destructive" ? "alert" : "status")}
      className={cn(alertVariants({ tone }), className)}
      {...props}
    >
      <Icon aria-hidden="true" />
      <div className="flex min-w-0 flex-1 flex-col gap-1">{children}</div>
    </div>
  );
}

/** Bold first line of an alert. */
export function AlertTitle({ className, ...props }: ComponentProps<"p">) {
  return <p className={cn("font-semibold", className)} {...props} />;
}

/** Body text of an alert. */
export function AlertDescription({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("text-foreground/85 [&_p]:leading-relaxed", className)} {...props} />;
}
