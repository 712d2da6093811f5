/**
 * The name of the unique constraint `error` violated (PostgreSQL SQLSTATE 23505), or null when it
 * is another error. Drizzle wraps driver errors in `DrizzleQueryError`, so the `cause` chain is
 * searched; node-postgres and PGlite both expose `code` and `constraint`.
 * Source: PostgreSQL "Appendix A. PostgreSQL Error Codes".
 */
export function uniqueViolation(error: unknown): string | null {
  for (let current = error; current instanceof Error; current = current.cause) {
    if ("code" in current && current.code === "23505") {
      return "constraint" in current && typeof current.constraint === "string"
        ? current.constraint
        : "";
    }
  }
  return null;
}
