"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { updateProfile } from "@/features/account/api/account-mutations-api";
import { accountKeys } from "@/features/account/api/account-keys";

/** Changes names, readings or phone; the answer becomes the cached profile and the summary is refetched. */
export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProfile,
    onSuccess: async (profile) => {
      queryClient.setQueryData(accountKeys.profile(), profile);
      await queryClient.invalidateQueries({ queryKey: accountKeys.all });
    },
  });
}
