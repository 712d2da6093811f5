import { isApiClientError } from "@/lib/api/api-client-error";

/**
 * Whether TanStack Query should try a failed query again (`failureCount` failures so far).
 * Once, and only when the failure may be passing and retrying costs little: the BFF could not be
 * reached (status 0) or failed itself (500). Not when the BFF reports an upstream failure (502
 * `UPSTREAM_ERROR`, 503 `UPSTREAM_UNAVAILABLE`): it answers those within its 10 s upstream budget
 * after its own retries, and a second try would double the wait before the customer sees the
 * error and its "Try again" button (decision 0024). Client errors (401, 404, 400) never pass.
 */
export function retryTransientOnce(failureCount: number, error: unknown): boolean {
  return (
    failureCount < 1 && isApiClientError(error) && (error.status === 0 || error.code === "INTERNAL")
  );
}
