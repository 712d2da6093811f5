import { randomBytes } from "node:crypto";
import { Injectable } from "@nestjs/common";
import { hash, verify } from "@node-rs/argon2";

/**
 * argon2id password hashing (DESIGN.md §7) with @node-rs/argon2's defaults, which are the OWASP
 * Password Storage Cheat Sheet minimum for argon2id (m = 19 MiB, t = 2, p = 1; argon2id is the
 * library's default algorithm). Hashes are PHC strings (`$argon2id$v=19$...`).
 */
@Injectable()
export class PasswordHasher {
  /** Hash of a random password, verified against for unknown emails so they take as long as known ones. */
  private dummyHash: Promise<string> | undefined;

  /** The PHC string of `password`. */
  hash(password: string): Promise<string> {
    return hash(password);
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
    this.dummyHash ??= hash(randomBytes(32).toString("base64url"));
    await this.verify(await this.dummyHash, password);
    return false;
  }
}
