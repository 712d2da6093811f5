import { AppError } from "../http/app-error.js";

/**
 * 423 with `Retry-After` counted from the moment of refusal, not from the start of the request: a
 * concurrent attempt may have set the lock after this request began.
 */
export function accountLocked(lockedUntil: Date): AppError {
  const seconds = Math.max(1, Math.ceil((lockedUntil.getTime() - Date.now()) / 1000));
  const minutes = Math.ceil(seconds / 60);
  return new AppError(
    "ACCOUNT_LOCKED",
    `Too many failed sign-in attempts. Your account is locked; try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    { headers: { "retry-after": String(seconds) } },
  );
}
