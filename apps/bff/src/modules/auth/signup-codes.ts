import { createHash, createHmac, hkdfSync, randomInt, timingSafeEqual } from "node:crypto";
import { Inject, Injectable } from "@nestjs/common";
import {
  SIGNUP_CODE_MAX_ATTEMPTS,
  SIGNUP_CODE_VALID_MINUTES,
  type SignupStartResponse,
} from "@portal/domain";
import { APP_CONFIG } from "../config/config.module.js";
import { type AppConfig } from "../config/config.schema.js";
import { SignupCodesRepository } from "./repositories/signup-codes.repository.js";
import { type MailLocale } from "../mail/mail-locale.js";
import { MailService } from "../mail/mail.service.js";
import { type ClientInfo } from "./client-info.js";
import { type CounterPolicy, ExpiringCounters } from "./expiring-counters.js";
import { signupCodeExpired, signupCodeInvalid, signupCodesRateLimited } from "./signup-errors.js";

const HOUR_MS = 60 * 60 * 1000;

/** A code whose attempt {@link SignupCodes.claim} counted; settle it with `release` or `spend`. */
export interface ClaimedSignupCode {
  addressHash: string;
  codeHash: string;
}

/**
 * The e-mail verification codes of sign-up (issue 5 §3; decision 0037): 6 random digits, mailed
 * in the customer's language (template `signup-verification-code`), valid
 * SIGNUP_CODE_VALID_MINUTES, dead after SIGNUP_CODE_MAX_ATTEMPTS refused sign-ups. Address and
 * code are stored only as HMAC-SHA256 under a key derived from JWT_ACCESS_SECRET, so a copy of the
 * database alone can neither list the addresses nor try the million codes. Sending is limited per
 * address (SIGNUP_CODE_RESEND_SECONDS apart, SIGNUP_CODES_PER_ADDRESS_PER_HOUR) and per client IP
 * (SIGNUP_CODES_PER_IP_PER_HOUR), counted by {@link ExpiringCounters}; whether the address already
 * has an account plays no part, so the answer cannot tell.
 */
@Injectable()
export class SignupCodes {
  private readonly key: Buffer;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly codes: SignupCodesRepository,
    private readonly counters: ExpiringCounters,
    private readonly mail: MailService,
  ) {
    this.key = Buffer.from(
      hkdfSync("sha256", config.auth.jwtAccessSecret, "", "portal signup codes", 32),
    );
  }

  /**
   * Sends a new code to `email` (normalised lower-case) in `locale`; an earlier code of the
   * address dies.
   * @throws AppError RATE_LIMITED (429, `Retry-After`) over a send limit of the address or the IP.
   */
  async send(email: string, client: ClientInfo, locale: MailLocale): Promise<SignupStartResponse> {
    await this.throttle(email, client.ip);
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
    const sentAt = new Date();
    await this.codes.replace(
      this.addressHash(email),
      this.codeHash(email, code),
      sentAt,
      new Date(sentAt.getTime() + SIGNUP_CODE_VALID_MINUTES * 60_000),
    );
    await this.mail.send("signup-verification-code", email, locale, { code });
    return {
      resendAfterSeconds: this.config.auth.signupCodeResendSeconds,
      validMinutes: SIGNUP_CODE_VALID_MINUTES,
    };
  }

  /**
   * Counts one attempt on the live code of `email` and checks `code` against it. The attempt
   * stays counted (a refusal) unless {@link release}d.
   * @throws AppError SIGNUP_CODE_EXPIRED when the address has no code that may still be tried,
   *   SIGNUP_CODE_INVALID when `code` is not it.
   */
  async claim(email: string, code: string): Promise<ClaimedSignupCode> {
    const addressHash = this.addressHash(email);
    const row = await this.codes.claimAttempt(addressHash, SIGNUP_CODE_MAX_ATTEMPTS, new Date());
    if (!row) {
      throw signupCodeExpired();
    }
    const given = Buffer.from(this.codeHash(email, code), "hex");
    const stored = Buffer.from(row.codeHash, "hex");
    if (given.length !== stored.length || !timingSafeEqual(given, stored)) {
      throw signupCodeInvalid();
    }
    return { addressHash, codeHash: row.codeHash };
  }

  /** Gives back the attempt of a claim that was not refused (the right details, an outage). */
  async release(claimed: ClaimedSignupCode): Promise<void> {
    await this.codes.releaseAttempt(claimed.addressHash, claimed.codeHash);
  }

  /** Spends the code: its sign-up succeeded. */
  async spend(claimed: ClaimedSignupCode): Promise<void> {
    await this.codes.remove(claimed.addressHash, claimed.codeHash);
  }

  /** @throws AppError RATE_LIMITED over a limit, with the time until it lifts. */
  private async throttle(email: string, ip: string | null): Promise<void> {
    const { auth } = this.config;
    const address = this.addressHash(email);
    const limits: [string, CounterPolicy][] = [
      [
        `signup-codes:ip:${createHash("sha256")
          .update(ip ?? "unknown")
          .digest("hex")}`,
        { threshold: auth.signupCodesPerIpPerHour, windowMs: HOUR_MS, lockMs: HOUR_MS },
      ],
      [
        `signup-codes:address:${address}`,
        { threshold: auth.signupCodesPerAddressPerHour, windowMs: HOUR_MS, lockMs: HOUR_MS },
      ],
    ];
    if (auth.signupCodeResendSeconds > 0) {
      const resendMs = auth.signupCodeResendSeconds * 1000;
      // One send per cooldown: the first reaches the threshold of 1 and starts the wait.
      limits.splice(1, 0, [
        `signup-codes:resend:${address}`,
        { threshold: 1, windowMs: resendMs, lockMs: resendMs },
      ]);
    }
    for (const [key, policy] of limits) {
      const { count, msLeft } = await this.counters.count(key, policy);
      if (count > policy.threshold) {
        throw signupCodesRateLimited(msLeft > 0 ? msLeft : policy.lockMs);
      }
    }
  }

  private addressHash(email: string): string {
    return createHmac("sha256", this.key).update(`address\0${email}`).digest("hex");
  }

  private codeHash(email: string, code: string): string {
    return createHmac("sha256", this.key).update(`code\0${email}\0${code}`).digest("hex");
  }
}
