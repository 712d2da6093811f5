"use client";

import { useMutation } from "@tanstack/react-query";
import { startMigration } from "@/features/migration/api/migration-api";

/** Checks the old billing portal login (no session yet, so no cache to drop). */
export function useStartMigration() {
  return useMutation({ mutationFn: startMigration });
}
