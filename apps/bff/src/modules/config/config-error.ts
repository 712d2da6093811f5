/**
 * The environment does not describe a runnable BFF. `problems` has one line per variable,
 * `"<VARIABLE> <what is wrong>"`; the message lists them all so one start-up shows every mistake.
 */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `Invalid BFF configuration (see docs/architecture/wiring.md):\n${problems.map((line) => `  - ${line}`).join("\n")}`,
    );
    this.name = "ConfigError";
  }
}
