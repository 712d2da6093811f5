import { type ReactNode } from "react";
import { cn } from "@/lib/cn";

/**
 * The top of a portal page: the page's only `h1`, a description and actions. Loading skeletons
 * render it too, so the title is in place before the data arrives.
 */
export function PageHeader({
  title,
  description,
  actions,
  before,
  className,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  /** Above the title, e.g. a back link. */
  before?: ReactNode;
  className?: string;
}) {
  return (
    <div
      className={cn(
        "mb-6 flex flex-col gap-4 sm:mb-8 sm:flex-row sm:items-start sm:justify-between",
        className,
      )}
    >
      <div className="flex min-w-0 flex-col gap-1.5">
        {before}
        <h1 className="text-2xl font-bold tracking-tight text-balance sm:text-[28px]">{title}</h1>
        {description ? (
          <div className="text-sm text-muted-foreground sm:text-base">{description}</div>
        ) : null}
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div> : null}
    </div>
  );
}
