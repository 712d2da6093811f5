import { type ComponentProps } from "react";
import { cn } from "@/lib/cn";

/** A surface grouping related content; compose with the `Card*` parts below. */
export function Card({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      className={cn(
        "flex flex-col rounded-xl border bg-card text-card-foreground shadow-sm",
        className,
      )}
      {...props}
    />
  );
}

/** Top of a card: title, description and an optional action. */
export function CardHeader({ className, ...props }: ComponentProps<"div">) {
  return (
    <div className={cn("flex flex-col gap-1.5 p-5 pb-3 sm:p-6 sm:pb-3", className)} {...props} />
  );
}

/** Card title; renders an `h2` unless `as` says otherwise, so cards sit under the page `h1`. */
export function CardTitle({
  className,
  as: Heading = "h2",
  ...props
}: ComponentProps<"h2"> & { as?: "h2" | "h3" }) {
  return <Heading className={cn("text-base leading-snug font-semibold", className)} {...props} />;
}

/** Secondary text under the card title. */
export function CardDescription({ className, ...props }: ComponentProps<"p">) {
  return <p className={cn("text-sm text-muted-foreground", className)} {...props} />;
}

/** Main content of a card. */
export function CardContent({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("px-5 pb-5 sm:px-6 sm:pb-6", className)} {...props} />;
}

/** Bottom row of a card, usually links or buttons. */
export function CardFooter({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      className={cn("mt-auto flex items-center gap-3 border-t px-5 py-3 sm:px-6", className)}
      {...props}
    />
  );
}
