/**
 * The portal login email the migrate step answered, kept for the set-password page of the same
 * tab (sessionStorage: gone with the tab, never sent anywhere). Only shown to the customer; the
 * ticket itself is in an HttpOnly cookie the page cannot read.
 */
const KEY = "portal.migration.email";

/** Remembers `email` for this tab; storage failures (private mode) only lose the hint. */
export function rememberMigrationEmail(email: string): void {
  try {
    sessionStorage.setItem(KEY, email);
  } catch {
    // The page works without it.
  }
}

/** The remembered email, or null. */
export function recalledMigrationEmail(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** Forgets the email once the migration is done. */
export function forgetMigrationEmail(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing to forget.
  }
}
