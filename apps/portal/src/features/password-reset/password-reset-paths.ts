/** Pages of the password reset (decision 0041). */
export const PASSWORD_RESET_PATHS = {
  /** Asks for the e-mail with the link. */
  forgot: "/auth/forgot-password",
  /** The e-mailed link's target: `?token=…`, taken out of the address bar on arrival. */
  reset: "/auth/reset-password",
} as const;

/** Query flag of the sign-in page after a reset: it says the new password is set. */
export const PASSWORD_RESET_DONE_PARAM = "reset";
