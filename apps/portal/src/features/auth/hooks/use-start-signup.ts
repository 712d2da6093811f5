"use client";

import { useMutation } from "@tanstack/react-query";
import { startSignup } from "@/features/auth/api/auth-api";

/** Asks the BFF to mail a sign-up code to an address (the first step of sign-up). */
export function useStartSignup() {
  return useMutation({ mutationFn: startSignup });
}
