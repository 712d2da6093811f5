import type { FastifyReply } from "fastify";

/** Fault kinds every stand-in understands. */
export const COMMON_FAULT_KINDS = [
  "latency",
  "http5xx",
  "timeout",
  "malformed",
  "hold",
  "hold-before",
] as const;

/**
 * How one stand-in acts out faults in its own system's style: what a 5xx and a malformed body
 * look like, which system-specific kinds it has (`whmcs-error`, `sf-request-limit`) and how a
 * fault's `match` selects calls.
 */
export interface FaultDialect {
  /** Kinds beyond `COMMON_FAULT_KINDS` that only this system has. */
  readonly ownKinds: readonly string[];
  /** Example of `match` for the console's placeholder. */
  readonly matchExample: string;
  /** Whether a fault's `match` selects a call with `subject` (action name, request path…). */
  matches(match: string, subject: string): boolean;
  /** Answers an `http5xx` fault with `status`. */
  serverError(reply: FastifyReply, status: number, message: string | undefined): Promise<void>;
  /** Answers one of `ownKinds`. */
  ownError(reply: FastifyReply, kind: string, message: string | undefined): Promise<void>;
  /** A 200 body that is not the documented shape (cut-off JSON). */
  readonly malformedBody: string;
}
