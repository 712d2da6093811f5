"use client";

import { RotateCw } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/**
 * Body of the `error.tsx` boundaries: something failed while rendering the segment. The error
 * itself is not shown (it may hold internals); `retry` re-renders the segment.
 */
export function RouteError({ retry }: { retry: () => void }) {
  return (
    <Alert tone="destructive">
      <AlertTitle>Something went wrong</AlertTitle>
      <AlertDescription className="flex flex-col gap-3">
        <p>This page couldn&apos;t be displayed. Please try again.</p>
        <Button variant="outline" size="sm" className="w-fit" onClick={retry}>
          <RotateCw aria-hidden="true" />
          Try again
        </Button>
      </AlertDescription>
    </Alert>
  );
}
