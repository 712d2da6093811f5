/**
 * Thrown by a job handler when retrying cannot help (e.g. an SMTP 550 "recipient refused"): the
 * queue copies the job into its dead-letter queue at once instead of retrying it.
 */
export class DeadLetterError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DeadLetterError";
  }
}
