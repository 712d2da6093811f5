import { type ReactNode } from "react";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { cn } from "@/lib/cn";

/** Centred card holding a sign-in or sign-up form, with the page's `h1`. */
export function AuthShell({
  title,
  description,
  footer,
  wide = false,
  children,
}: {
  title: string;
  description: ReactNode;
  footer?: ReactNode;
  /** Wider card for long forms. */
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-1 justify-center bg-[radial-gradient(ellipse_at_top,_var(--color-brand-soft),_transparent_60%)] px-4 py-10 sm:py-16">
      <div className={cn("flex w-full flex-col gap-5", wide ? "max-w-2xl" : "max-w-md")}>
        <Card>
          <CardHeader className="gap-2 pb-2 sm:pb-2">
            <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
            <div className="text-sm text-muted-foreground">{description}</div>
          </CardHeader>
          <CardContent className="pt-4 sm:pt-4">{children}</CardContent>
        </Card>
        {footer ? <div className="text-center text-sm text-muted-foreground">{footer}</div> : null}
      </div>
    </div>
  );
}
