import { envSchema, type AppConfig } from "./config.schema.js";
import { ConfigError } from "./config-error.js";

/**
 * Validates the environment variables of docs/architecture/wiring.md and returns the typed
 * configuration. Reads only `env` (never `process.env`), so tests can start several differently
 * configured apps in one process. Empty values count as unset.
 * @throws ConfigError naming each missing or malformed variable.
 */
export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = envSchema.safeParse(present);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.map(String).join(".")} ${issue.message}`),
    );
  }
  return result.data;
}
