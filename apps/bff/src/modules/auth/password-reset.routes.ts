import { passwordForgotRequestSchema, passwordResetRequestSchema } from "@portal/domain";
import { type ApiRoute, apiRoute } from "../openapi/api-route.js";

const tags = ["auth"];

/** Password reset by e-mail as `PasswordResetController` serves it (decision 0041). */
export const passwordResetRoutes: readonly ApiRoute[] = [
  apiRoute({
    method: "POST",
    path: "/api/auth/password/forgot",
    operationId: "forgotPassword",
    summary: "Ask for a password-reset link",
    description:
      "Always 202, whether or not an account has the address, in the same time: the look-up and the mail happen in the background. An account's address gets a link to `/auth/reset-password?token=…` valid 30 minutes (at most 5 mails an hour). Limited per IP (`AUTH_PASSWORD_FORGOT_PER_HOUR`).",
    tags,
    access: "public",
    request: { body: passwordForgotRequestSchema },
    responses: { 202: null },
    errors: ["RATE_LIMITED"],
  }),
  apiRoute({
    method: "POST",
    path: "/api/auth/password/reset",
    operationId: "resetPassword",
    summary: "Set a new password with a reset token",
    description:
      "The token from the e-mailed link works once, for 30 minutes. The reset ends any lockout and every session of the account (their access tokens stop at once); the customer signs in again.",
    tags,
    access: "public",
    request: { body: passwordResetRequestSchema },
    responses: { 204: null },
    errors: ["PASSWORD_RESET_TOKEN_INVALID"],
  }),
];
