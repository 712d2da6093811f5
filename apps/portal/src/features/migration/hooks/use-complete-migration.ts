"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { completeMigration } from "@/features/migration/api/migration-api";

/** Sets the new password and signs in; drops every cached query, as a new identity begins. */
export function useCompleteMigration() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: completeMigration, onSuccess: () => queryClient.clear() });
}
