"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { signup } from "@/features/auth/api/auth-api";

/** Creates the account and signs in; drops every cached query, as a new identity begins. */
export function useSignup() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: signup, onSuccess: () => queryClient.clear() });
}
