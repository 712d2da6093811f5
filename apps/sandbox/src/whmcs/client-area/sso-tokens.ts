import { randomBytes } from "node:crypto";
import type { Clock } from "../../server/clock.js";

/** "Tokens are valid for a maximum of 60 seconds." Source: api-reference/createssotoken.md. */
export const SSO_TOKEN_LIFETIME_MS = 60_000;

/** What a redeemed token grants: a session for `clientId`, then a redirect to `redirectPath`. */
export interface SsoGrant {
  clientId: number;
  /** Path relative to the WHMCS root, e.g. `viewinvoice.php?id=1014`. */
  redirectPath: string;
}

/**
 * One-time single sign-on tokens issued by CreateSsoToken: 40 hex characters, single use,
 * valid for 60 s. In memory only — like WHMCS, a restart invalidates outstanding tokens.
 */
export class SsoTokens {
  private readonly tokens = new Map<string, SsoGrant & { expiresAt: number }>();

  constructor(private readonly clock: Clock) {}

  issue(grant: SsoGrant): string {
    const token = randomBytes(20).toString("hex");
    this.tokens.set(token, { ...grant, expiresAt: this.clock().getTime() + SSO_TOKEN_LIFETIME_MS });
    return token;
  }

  /** Redeems `token`: its grant, or null when unknown, already used or expired. */
  consume(token: string): SsoGrant | null {
    const entry = this.tokens.get(token);
    this.tokens.delete(token);
    if (!entry || entry.expiresAt <= this.clock().getTime()) return null;
    return { clientId: entry.clientId, redirectPath: entry.redirectPath };
  }

  clear(): void {
    this.tokens.clear();
  }
}
