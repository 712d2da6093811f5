"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { login } from "@/features/auth/api/auth-api";

/**
 * Signs in. On success every cached query is dropped: it belonged to whoever was signed in
 * before (or to nobody), so no narrower key would be right.
 */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: login, onSuccess: () => queryClient.clear() });
}
