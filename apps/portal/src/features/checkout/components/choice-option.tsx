import { type ComponentProps, type ReactNode } from "react";
import { cn } from "@/lib/cn";

/**
 * A checkbox or radio drawn as a selectable row: the native input (keyboard, screen readers and
 * Playwright's `check` work as usual) with its label and, on the right, a price or a note. The
 * whole row is the label, a touch target of at least 44 px.
 */
export function ChoiceOption({
  label,
  description,
  aside,
  className,
  ...input
}: Omit<ComponentProps<"input">, "children"> & {
  type: "checkbox" | "radio";
  label: ReactNode;
  description?: ReactNode;
  aside?: ReactNode;
}) {
  return (
    <label
      className={cn(
        "flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border bg-card p-3 transition-colors hover:bg-muted/50 has-checked:border-primary has-checked:bg-brand-soft/40 has-disabled:cursor-not-allowed has-disabled:opacity-70",
        className,
      )}
    >
      <input className="mt-0.5 size-4 shrink-0 accent-primary" {...input} />
      <span className="flex min-w-0 flex-1 flex-col gap-0.5">
        <span className="font-medium">{label}</span>
        {description ? <span className="text-muted-foreground">{description}</span> : null}
      </span>
      {aside ? <span className="shrink-0 text-right">{aside}</span> : null}
    </label>
  );
}
