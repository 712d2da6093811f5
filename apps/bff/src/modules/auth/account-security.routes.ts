import {
  accountSessionListSchema,
  endedSessionsSchema,
  passwordChangeRequestSchema,
  securityActivitySchema,
  sessionIdParamsSchema,
} from "@portal/domain";
import { type ApiRoute, apiRoute } from "../openapi/api-route.js";

const tags = ["auth"];

/** Password change, sessions and security activity as `AccountSecurityController` serves them. */
export const accountSecurityRoutes: readonly ApiRoute[] = [
  apiRoute({
    method: "POST",
    path: "/api/auth/password/change",
    operationId: "changePassword",
    summary: "Change the password",
    description:
      "Needs the current password (wrong ones count towards the account lockout); the new one follows the sign-up rule. Every other session ends; this one stays.",
    tags,
    access: "session",
    request: { body: passwordChangeRequestSchema },
    responses: { 204: null },
    errors: ["PASSWORD_INCORRECT", "ACCOUNT_LOCKED"],
  }),
  apiRoute({
    method: "GET",
    path: "/api/auth/sessions",
    operationId: "listSessions",
    summary: "Signed-in sessions",
    description:
      "Browser, device, IP address, first and last use of each session; `current` marks the caller's.",
    tags,
    access: "session",
    responses: { 200: accountSessionListSchema },
    errors: [],
  }),
  apiRoute({
    method: "POST",
    path: "/api/auth/sessions/end-others",
    operationId: "endOtherSessions",
    summary: "Sign out everywhere else",
    tags,
    access: "session",
    responses: { 200: endedSessionsSchema },
    errors: [],
  }),
  apiRoute({
    method: "DELETE",
    path: "/api/auth/sessions/:id",
    operationId: "endSession",
    summary: "End one session",
    description:
      "Its access token stops at once. Ending the caller's own session signs this browser out. Another customer's or an ended session: 404.",
    tags,
    access: "session",
    request: { params: sessionIdParamsSchema },
    responses: { 204: null },
    errors: ["NOT_FOUND"],
  }),
  apiRoute({
    method: "GET",
    path: "/api/auth/activity",
    operationId: "getSecurityActivity",
    summary: "Security activity",
    description:
      "The caller's last 50 security events (sign-ins, failures, password and 2FA changes, sessions ended), newest first.",
    tags,
    access: "session",
    responses: { 200: securityActivitySchema },
    errors: [],
  }),
];
