/**
 * TanStack Query keys of the signed-in customer's own data. `all` prefixes every key, so
 * invalidating it refreshes the profile and the dashboard summary together.
 */
export const accountKeys = {
  all: ["account"] as const,
  profile: () => [...accountKeys.all, "profile"] as const,
  summary: () => [...accountKeys.all, "summary"] as const,
};
