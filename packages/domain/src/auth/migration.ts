import { z } from "zod";
import { customerNumberSchema } from "../customer/customer-number.js";
import { newPasswordSchema } from "./password.js";

/**
 * `POST /api/auth/migrate` body: the customer's login of the old billing portal (WHMCS client
 * area), checked once with WHMCS ValidateLogin and never stored. Any non-empty password is
 * accepted here (WHMCS's own policy made it); 256 characters bound the request.
 * Source: seeds "Login/Linking"; WHMCS/developer-docs api-reference/validatelogin.md.
 */
export const migrateRequestSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address")),
  password: z.string().min(1, "Enter your password").max(256, "Password is too long"),
});
export type MigrateRequest = z.infer<typeof migrateRequestSchema>;

/**
 * `POST /api/auth/migrate` answer: the old login was accepted and a migration ticket set as the
 * HttpOnly cookie {@link MIGRATION_TICKET_COOKIE}; `expiresAt` (ISO 8601 UTC) is when it stops
 * working (15 minutes later, decision 0035). The email is the portal login to be.
 */
export const migrationStartedSchema = z.object({
  email: z.email(),
  customerNumber: customerNumberSchema,
  expiresAt: z.iso.datetime(),
});
export type MigrationStarted = z.infer<typeof migrationStartedSchema>;

/**
 * `POST /api/auth/set-password` body: the new portal password (the sign-up policy), sent with
 * the migration ticket cookie. Answered with a session like sign-up.
 */
export const setPasswordRequestSchema = z.object({
  password: newPasswordSchema,
});
export type SetPasswordRequest = z.infer<typeof setPasswordRequestSchema>;

/**
 * The cookie that carries the migration ticket from `/api/auth/migrate` to
 * `/api/auth/set-password` (HttpOnly, Path `/api/auth`, SameSite Strict; decision 0035).
 */
export const MIGRATION_TICKET_COOKIE = "portal_migration";
