"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { updateAddress } from "@/features/account/api/account-mutations-api";
import { accountKeys } from "@/features/account/api/account-keys";

/** Changes the address; the answer becomes the cached profile and the summary is refetched. */
export function useUpdateAddress() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAddress,
    onSuccess: async (profile) => {
      queryClient.setQueryData(accountKeys.profile(), profile);
      await queryClient.invalidateQueries({ queryKey: accountKeys.all });
    },
  });
}
