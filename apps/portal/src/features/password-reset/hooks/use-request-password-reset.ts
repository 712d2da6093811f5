"use client";

import { useMutation } from "@tanstack/react-query";
import { requestPasswordReset } from "@/features/password-reset/api/password-reset-api";

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}
