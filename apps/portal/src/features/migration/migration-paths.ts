/** The two pages of the migration from the old billing portal (seeds "Login/Linking"). */
export const MIGRATION_PATHS = {
  /** The old login (`/auth/migrate`), linked from the sign-in page. */
  migrate: "/auth/migrate",
  /** The new password (`/auth/set-password`), after the old login was accepted. */
  setPassword: "/auth/set-password",
} as const;
