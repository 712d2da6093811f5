import { randomBytes } from "node:crypto";
import type { Clock } from "../../server/clock.js";

/** Session lifetime: Salesforce's default session timeout of two hours. */
export const ACCESS_TOKEN_LIFETIME_MS = 2 * 60 * 60 * 1000;

/**
 * Access tokens issued by the token endpoint: `<org id>!<random>` like Salesforce session ids,
 * valid for two hours or until `expireAll` (the control API's "expire sessions"), so clients'
 * re-authentication on `INVALID_SESSION_ID` can be exercised. In memory: a restart logs every
 * client out, as a Salesforce session reset would.
 */
export class AccessTokens {
  private readonly tokens = new Map<string, number>();

  constructor(
    private readonly orgId: string,
    private readonly clock: Clock,
  ) {}

  issue(): string {
    const token = `${this.orgId}!${randomBytes(48).toString("base64url")}`;
    this.tokens.set(token, this.clock().getTime() + ACCESS_TOKEN_LIFETIME_MS);
    return token;
  }

  /** Whether `token` is a current session. */
  isValid(token: string): boolean {
    const expiresAt = this.tokens.get(token);
    if (expiresAt === undefined) return false;
    if (expiresAt <= this.clock().getTime()) {
      this.tokens.delete(token);
      return false;
    }
    return true;
  }

  expireAll(): void {
    this.tokens.clear();
  }
}
