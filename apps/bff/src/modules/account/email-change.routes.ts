import {
  emailChangeConfirmRequestSchema,
  emailChangeRequestSchema,
  emailChangeStartedSchema,
} from "@portal/domain";
import { type ApiRoute, apiRoute } from "../openapi/api-route.js";

const tags = ["account"];

/** `/api/me/email*` as `EmailChangeController` serves it (decision 0042). */
export const emailChangeRoutes: readonly ApiRoute[] = [
  apiRoute({
    method: "POST",
    path: "/api/me/email",
    operationId: "startEmailChange",
    summary: "Ask to change the e-mail address",
    description:
      "Needs the current password (wrong ones count towards the account lockout). Sends a 6-digit code, valid 10 minutes, to the new address; a new request replaces the pending one. An address another customer uses gets no code, and the answer does not say so.",
    tags,
    access: "session",
    request: { body: emailChangeRequestSchema },
    responses: { 202: emailChangeStartedSchema },
    errors: ["VALIDATION_FAILED", "PASSWORD_INCORRECT", "ACCOUNT_LOCKED"],
  }),
  apiRoute({
    method: "POST",
    path: "/api/me/email/confirm",
    operationId: "confirmEmailChange",
    summary: "Confirm the new e-mail address with its code",
    description:
      "Changes the address in WHMCS (authoritative), then the portal login; a WHMCS failure changes nothing and the code keeps working. The old address is told. Five wrong codes end the pending change.",
    tags,
    access: "session",
    request: { body: emailChangeConfirmRequestSchema },
    responses: { 204: null },
    idempotent: true,
    errors: ["EMAIL_CHANGE_CODE_INVALID", "EMAIL_IN_USE", "UPSTREAM_UNAVAILABLE", "UPSTREAM_ERROR"],
  }),
];
