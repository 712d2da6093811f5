"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { resetPassword } from "@/features/password-reset/api/password-reset-api";

/** Sets the new password; every session ended, so every cached query is dropped. */
export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: resetPassword, onSuccess: () => queryClient.clear() });
}
