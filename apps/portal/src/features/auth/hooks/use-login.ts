"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { login, loginMfa } from "@/features/auth/api/auth-api";

/**
 * Signs in. On success every cached query is dropped: it belonged to whoever was signed in
 * before (or to nobody), so no narrower key would be right.
 */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: login, onSuccess: () => queryClient.clear() });
}

/** The second step of a sign-in with two-factor authentication; clears the cache like {@link useLogin}. */
export function useLoginMfa() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: loginMfa, onSuccess: () => queryClient.clear() });
}
