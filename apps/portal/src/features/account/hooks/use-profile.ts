"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchProfile } from "@/features/account/api/account-api";
import { accountKeys } from "@/features/account/api/account-keys";

/** The signed-in customer's profile (`GET /api/me`). */
export function useProfile() {
  return useQuery({
    queryKey: accountKeys.profile(),
    queryFn: ({ signal }) => fetchProfile(signal),
  });
}
