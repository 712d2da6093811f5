/** An address WHMCS accepts: something@domain.tld without spaces (PHP `FILTER_VALIDATE_EMAIL` in spirit). */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Whether `email` is an address WHMCS would accept. */
export function isValidEmail(email: string): boolean {
  return EMAIL_PATTERN.test(email);
}
