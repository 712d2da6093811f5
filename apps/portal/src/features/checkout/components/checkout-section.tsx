import { useId, type ReactNode } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

/**
 * One numbered section of the checkout ("2 Options"): a card that is a labelled region, with an
 * optional description and, when the BFF refused the order for something in this section, its
 * message at the top (announced: `role="alert"`).
 */
export function CheckoutSection({
  step,
  title,
  description,
  error,
  children,
}: {
  step: number;
  title: string;
  description?: ReactNode;
  error?: string | null;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <Card role="region" aria-labelledby={titleId}>
      <CardHeader>
        <CardTitle id={titleId} className="flex items-center gap-2.5">
          <span
            aria-hidden="true"
            className="inline-flex size-6 shrink-0 items-center justify-center rounded-full bg-brand-soft text-xs font-bold text-primary"
          >
            {step}
          </span>
          {title}
        </CardTitle>
        {description ? <CardDescription>{description}</CardDescription> : null}
      </CardHeader>
      <CardContent className="flex flex-col gap-4 text-sm">
        {error ? (
          <Alert tone="destructive">
            <AlertDescription>{error}</AlertDescription>
          </Alert>
        ) : null}
        {children}
      </CardContent>
    </Card>
  );
}
