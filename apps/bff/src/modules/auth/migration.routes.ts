import {
  migrateRequestSchema,
  migrationStartedSchema,
  sessionSchema,
  setPasswordRequestSchema,
} from "@portal/domain";
import { type ApiRoute, apiRoute } from "../openapi/api-route.js";

const tags = ["auth"];

/** `/api/auth/migrate` and `/api/auth/set-password` as `MigrationController` serves them. */
export const migrationRoutes: readonly ApiRoute[] = [
  apiRoute({
    method: "POST",
    path: "/api/auth/migrate",
    operationId: "startMigration",
    summary: "Check an old billing portal (WHMCS) login",
    description:
      "For existing WHMCS customers without a portal account: checks the WHMCS client-area login (never stored) and sets the HttpOnly `portal_migration` cookie, a single-use ticket valid for 15 minutes, to redeem at `/api/auth/set-password`. A wrong login is answered exactly like a wrong portal login and counts towards the same lockout.",
    tags,
    access: "public",
    request: { body: migrateRequestSchema },
    responses: { 200: migrationStartedSchema },
    errors: [
      "INVALID_CREDENTIALS",
      "ACCOUNT_LOCKED",
      "MIGRATION_NOT_AVAILABLE",
      "ALREADY_REGISTERED",
      "EMAIL_IN_USE",
      "UPSTREAM_UNAVAILABLE",
      "UPSTREAM_ERROR",
    ],
  }),
  apiRoute({
    method: "POST",
    path: "/api/auth/set-password",
    operationId: "completeMigration",
    summary: "Set the portal password of a migrating customer",
    description:
      "Redeems the `portal_migration` ticket: creates the portal user (email and name from WHMCS) and its id mapping, marks the Salesforce Account active (`Portal_Registration_Source__c = Migrated`), then signs in: session cookies are set.",
    tags,
    access: "public",
    request: { body: setPasswordRequestSchema },
    responses: { 201: sessionSchema },
    idempotent: true,
    errors: [
      "MIGRATION_TICKET_INVALID",
      "ALREADY_REGISTERED",
      "EMAIL_IN_USE",
      "CONFLICT",
      "UPSTREAM_UNAVAILABLE",
      "UPSTREAM_ERROR",
    ],
  }),
];
