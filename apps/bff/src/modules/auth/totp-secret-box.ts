import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { Inject, Injectable } from "@nestjs/common";
import { APP_CONFIG } from "../config/config.module.js";
import { type AppConfig } from "../config/config.schema.js";

const VERSION = "v1";

/**
 * Seals TOTP secrets at rest (decision 0033): AES-256-GCM with a 96-bit random IV and the user id
 * as associated data (a sealed secret copied to another user's row does not open), under a key
 * derived with HKDF-SHA256 from JWT_ACCESS_SECRET (info "portal totp secret"). Sealed form:
 * `v1.<iv>.<tag>.<ciphertext>`, each base64url.
 */
@Injectable()
export class TotpSecretBox {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = Buffer.from(
      hkdfSync("sha256", config.auth.jwtAccessSecret, "", "portal totp secret", 32),
    );
  }

  /** The sealed form of `secret` for user `userId`. */
  seal(secret: string, userId: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    cipher.setAAD(Buffer.from(userId));
    const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), ciphertext]
      .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
      .join(".");
  }

  /**
   * The secret `sealed` holds for user `userId`.
   * @throws Error when it was not sealed by this key for this user (tampered, wrong key).
   */
  open(sealed: string, userId: string): string {
    const [version, iv, tag, ciphertext] = sealed.split(".");
    if (version !== VERSION || !iv || !tag || ciphertext === undefined) {
      throw new Error("Not a sealed TOTP secret");
    }
    const decipher = createDecipheriv("aes-256-gcm", this.key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(userId));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([
      decipher.update(Buffer.from(ciphertext, "base64url")),
      decipher.final(),
    ]).toString("utf8");
  }
}
