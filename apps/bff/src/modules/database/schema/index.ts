export * from "./users.js";
export * from "./id-mappings.js";
export * from "./refresh-tokens.js";
export * from "./audit-log.js";
export * from "./idempotency-keys.js";
export * from "./signup-attempts.js";
export * from "./workflow-runs.js";
export * from "./workflow-steps.js";
