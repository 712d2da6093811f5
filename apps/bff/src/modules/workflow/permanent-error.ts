/**
 * A step failure that retrying cannot fix (the upstream refused the request, a rule forbids it):
 * the runner stops retrying the step and compensates the finished steps. Any other error is
 * retryable, up to the step's `retry.attempts`. `cause` is the original error.
 */
export class PermanentError extends Error {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.name = "PermanentError";
  }
}

/** The error a step failed with, unwrapped from a {@link PermanentError} that carries a cause. */
export function originalError(error: unknown): unknown {
  return error instanceof PermanentError && error.cause !== undefined ? error.cause : error;
}
