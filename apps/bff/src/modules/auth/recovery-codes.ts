import { createHmac, hkdfSync, randomInt } from "node:crypto";
import { Inject, Injectable } from "@nestjs/common";
import { RECOVERY_CODE_COUNT } from "@portal/domain";
import { APP_CONFIG } from "../config/config.module.js";
import { type AppConfig } from "../config/config.schema.js";

/** Lower-case letters and digits without the look-alikes 0/o, 1/l/i. */
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const LENGTH = 10;

/**
 * Single-use recovery codes (decision 0033): ten random 10-character codes (≈ 49 bits each),
 * shown as `xxxxx-xxxxx`, stored only as an HMAC-SHA256 under a key derived from
 * JWT_ACCESS_SECRET, so a database copy alone cannot be searched for them.
 */
@Injectable()
export class RecoveryCodes {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = Buffer.from(
      hkdfSync("sha256", config.auth.jwtAccessSecret, "", "portal recovery codes", 32),
    );
  }

  /** {@link RECOVERY_CODE_COUNT} new codes as shown to the customer (`xxxxx-xxxxx`). */
  generate(): string[] {
    return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
      const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]);
      return `${chars.slice(0, 5).join("")}-${chars.slice(5).join("")}`;
    });
  }

  /** The stored form of a code, shown or normalised (`normaliseMfaCode`): hyphens do not count. */
  hash(code: string): string {
    return createHmac("sha256", this.key)
      .update(code.replace(/-/g, "").toLowerCase())
      .digest("hex");
  }
}
