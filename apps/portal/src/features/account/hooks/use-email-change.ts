"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { accountKeys } from "@/features/account/api/account-keys";
import { confirmEmailChange, startEmailChange } from "@/features/account/api/email-change-api";

/** Asks for the code at the new address. */
export function useStartEmailChange() {
  return useMutation({ mutationFn: startEmailChange });
}

/** Confirms the code; the profile (which shows the address) is read again. */
export function useConfirmEmailChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmEmailChange,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.profile() }),
  });
}
