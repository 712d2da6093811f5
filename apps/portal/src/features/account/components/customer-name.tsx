"use client";

import { UserRound } from "lucide-react";
import { Skeleton } from "@/components/ui/skeleton";
import { useProfile } from "@/features/account/hooks/use-profile";

/** The signed-in customer's name for the top bar; nothing while unknown or on error. */
export function CustomerName() {
  const profile = useProfile();
  if (profile.isPending) return <Skeleton className="h-5 w-28" />;
  if (profile.isError) return null;
  return (
    <p className="flex min-w-0 items-center gap-2 text-sm font-medium">
      <UserRound aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
      <span className="sr-only">Signed in as </span>
      <span className="truncate">
        {profile.data.firstName} {profile.data.lastName}
      </span>
    </p>
  );
}
