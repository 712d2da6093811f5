import {
  migrationStartedSchema,
  sessionSchema,
  type MigrateRequest,
  type MigrationStarted,
  type Session,
  type SetPasswordRequest,
} from "@portal/domain";
import { apiRequest } from "@/lib/api/client";
import { idempotencyKeyFor } from "@/lib/api/idempotency-key";

/**
 * `POST /api/auth/migrate`: checks the old billing portal (WHMCS) login; the BFF sets the
 * HttpOnly migration ticket cookie (decision 0035).
 * @throws ApiClientError `INVALID_CREDENTIALS` (401), `ACCOUNT_LOCKED` (423),
 *   `MIGRATION_NOT_AVAILABLE` (409), `ALREADY_REGISTERED` (409), `EMAIL_IN_USE` (409),
 *   `RATE_LIMITED`, `VALIDATION_FAILED`, upstream errors (502/503).
 */
export function startMigration(body: MigrateRequest): Promise<MigrationStarted> {
  return apiRequest("/auth/migrate", { method: "POST", body, schema: migrationStartedSchema });
}

/**
 * `POST /api/auth/set-password`: redeems the ticket cookie with the new portal password and
 * signs in. `body` is the submitted object: its `Idempotency-Key` is the same on every retry.
 * @throws ApiClientError `MIGRATION_TICKET_INVALID` (401), `ALREADY_REGISTERED`, `EMAIL_IN_USE`,
 *   `CONFLICT` (409), `VALIDATION_FAILED` (400, `fields`), upstream errors.
 */
export function completeMigration(body: SetPasswordRequest): Promise<Session> {
  return apiRequest("/auth/set-password", {
    method: "POST",
    body,
    schema: sessionSchema,
    idempotencyKey: idempotencyKeyFor(body),
  });
}
