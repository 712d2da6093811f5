import { type ComponentProps } from "react";
import { cn } from "@/lib/cn";

/** A pulsing placeholder block with the size of the content to come; hidden from assistive tech. */
export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      aria-hidden="true"
      className={cn("animate-pulse rounded-md bg-muted", className)}
      {...props}
    />
  );
}
