import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { Inject, Injectable } from "@nestjs/common";
import { APP_CONFIG } from "../config/config.module.js";
import { type AppConfig } from "../config/config.schema.js";

/** Sealed under the key derived from JWT_ACCESS_SECRET, no key id (decision 0033). */
const LEGACY_VERSION = "v1";
/** Sealed under a key of TOTP_ENCRYPTION_KEY, named by its id (decision 0048). */
const VERSION = "v2";
/** The id of the key derived from JWT_ACCESS_SECRET when TOTP_ENCRYPTION_KEY is unset (not in production). */
const DERIVED_KEY_ID = "jwt";

/** The AES-256 key of `secret` (HKDF-SHA256, info "portal totp secret"). */
const aesKey = (secret: string) =>
  Buffer.from(hkdfSync("sha256", secret, "", "portal totp secret", 32));

/**
 * Seals TOTP secrets at rest (decisions 0033, 0048): AES-256-GCM with a 96-bit random IV and the
 * user id as associated data (a sealed secret copied to another user's row does not open), under
 * a key derived with HKDF-SHA256 from the first key of TOTP_ENCRYPTION_KEY. Sealed form:
 * `v2.<key id>.<iv>.<tag>.<ciphertext>`, each part base64url. Every key listed opens what it
 * sealed, so a key is rotated by putting the new one first and keeping the old one listed until
 * no secret sealed with it is left. Without TOTP_ENCRYPTION_KEY (outside production only) the key
 * is derived from JWT_ACCESS_SECRET, id `jwt`. Secrets sealed before 0048 (`v1.<iv>.<tag>.<ciphertext>`)
 * open with the key derived from JWT_ACCESS_SECRET.
 */
@Injectable()
export class TotpSecretBox {
  /** Key id → AES key. */
  private readonly keys: Map<string, Buffer>;
  private readonly sealingKeyId: string;
  private readonly legacyKey: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.legacyKey = aesKey(config.auth.jwtAccessSecret);
    const keys = config.auth.totpKeys?.map(({ id, secret }) => [id, aesKey(secret)] as const) ?? [
      [DERIVED_KEY_ID, this.legacyKey] as const,
    ];
    this.keys = new Map(keys);
    this.sealingKeyId = keys[0]?.[0] ?? DERIVED_KEY_ID;
  }

  /** The sealed form of `secret` for user `userId`, under the first key. */
  seal(secret: string, userId: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.keyOf(this.sealingKeyId), iv);
    cipher.setAAD(Buffer.from(userId));
    const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
    return [VERSION, this.sealingKeyId, iv, cipher.getAuthTag(), ciphertext]
      .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
      .join(".");
  }

  /**
   * The secret `sealed` holds for user `userId`.
   * @throws Error when it was not sealed by a listed key for this user (tampered, key no longer
   *   listed, another user's row).
   */
  open(sealed: string, userId: string): string {
    const parts = sealed.split(".");
    const version = parts[0];
    const key =
      version === LEGACY_VERSION
        ? this.legacyKey
        : version === VERSION
          ? this.keyOf(parts[1] ?? "")
          : undefined;
    const [iv, tag, ciphertext] = parts.slice(version === VERSION ? 2 : 1);
    if (!key || !iv || !tag || ciphertext === undefined) {
      throw new Error("Not a sealed TOTP secret");
    }
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(userId));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([
      decipher.update(Buffer.from(ciphertext, "base64url")),
      decipher.final(),
    ]).toString("utf8");
  }

  private keyOf(id: string): Buffer {
    const key = this.keys.get(id);
    if (!key) {
      throw new Error(`Sealed with TOTP key "${id}", which TOTP_ENCRYPTION_KEY does not list`);
    }
    return key;
  }
}
