import { randomBytes } from "node:crypto";
import { Inject, Injectable } from "@nestjs/common";
import { hash, verify } from "@node-rs/argon2";
import { APP_CONFIG } from "../config/config.module.js";
import { type AppConfig } from "../config/config.schema.js";

/**
 * argon2id password hashing (DESIGN.md §7; argon2id is @node-rs/argon2's default algorithm) at the
 * configured cost: by default the OWASP Password Storage Cheat Sheet minimum (m = 19 MiB, t = 2,
 * p = 1), below which production refuses to start (`PASSWORD_HASH_MEMORY_KIB`,
 * `PASSWORD_HASH_ITERATIONS`, decision 0045). Hashes are PHC strings (`$argon2id$v=19$m=…`) that
 * carry their own cost, so a hash made at another cost still verifies.
 */
@Injectable()
export class PasswordHasher {
  /** Hash of a random password, verified against for unknown emails so they take as long as known ones. */
  private dummyHash: Promise<string> | undefined;
  private readonly cost: { memoryCost: number; timeCost: number };

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const { memoryKib, iterations } = config.auth.passwordHash;
    this.cost = { memoryCost: memoryKib, timeCost: iterations };
  }

  /** The PHC string of `password`. */
  hash(password: string): Promise<string> {
    return hash(password, this.cost);
  }

  /** Whether `password` matches `passwordHash`; false (not an error) for a malformed hash. */
  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }

  /**
   * Spends the time of one verification and answers false: used when the email is unknown, so the
   * response time does not tell which emails have accounts.
   */
  async verifyNothing(password: string): Promise<false> {
    this.dummyHash ??= this.hash(randomBytes(32).toString("base64url"));
    await this.verify(await this.dummyHash, password);
    return false;
  }
}
