import { type z } from "zod";
import { emailChangeVerification } from "./email-change-verification.js";
import { emailChangedNotice } from "./email-changed-notice.js";
import { orderActivated } from "./order-activated.js";
import { orderActivationFailed } from "./order-activation-failed.js";
import { orderConfirmation } from "./order-confirmation.js";
import { passwordReset } from "./password-reset.js";
import { securityAlert } from "./security-alert.js";
import { signupVerificationCode } from "./signup-verification-code.js";
import { welcome } from "./welcome.js";

/** Every message the portal sends, by name (`MailService.send`'s first argument). */
export const MAIL_TEMPLATES = {
  "signup-verification-code": signupVerificationCode,
  "password-reset": passwordReset,
  "email-change-verification": emailChangeVerification,
  "email-changed-notice": emailChangedNotice,
  welcome,
  "security-alert": securityAlert,
  "order-confirmation": orderConfirmation,
  "order-activated": orderActivated,
  "order-activation-failed": orderActivationFailed,
} as const;

/** A template name. */
export type MailTemplateName = keyof typeof MAIL_TEMPLATES;

/** The data template `N` needs. */
export type MailData<N extends MailTemplateName> = z.infer<(typeof MAIL_TEMPLATES)[N]["schema"]>;
