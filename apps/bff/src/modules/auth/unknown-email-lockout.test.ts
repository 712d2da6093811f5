import { createHash, randomUUID } from "node:crypto";
import { Logger } from "@nestjs/common";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MINIMAL_ENV } from "../../../test/support/minimal-env.js";
import { parseConfig } from "../config/parse-config.js";
import { ExpiringCounters } from "./expiring-counters.js";
import { UnknownEmailLockout } from "./unknown-email-lockout.js";

const PREFIX = `test:${randomUUID()}:`;
const config = parseConfig({
  ...MINIMAL_ENV,
  REDIS_KEY_PREFIX: PREFIX,
});
const LOCKOUT_MS = config.auth.lockoutMinutes * 60_000;
const redisUrl = process.env.TEST_REDIS_URL;

beforeAll(() => {
  Logger.overrideLogger(false);
});

/** Runs `attempt` for `email` `times` times and returns whether each was refused. */
async function lockedFlags(
  lockout: UnknownEmailLockout,
  email: string,
  times: number,
): Promise<boolean[]> {
  const flags: boolean[] = [];
  for (let i = 0; i < times; i += 1) {
    flags.push((await lockout.attempt(email, new Date())).locked);
  }
  return flags;
}

/** The shared behaviour, whichever store counts. */
function behavesLikeTheUserLockout(lockout: () => UnknownEmailLockout): void {
  it("refuses the attempts after the fifth for the lockout length, ignoring case", async () => {
    const email = `${randomUUID()}@example.com`;
    const before = Date.now();

    expect(await lockedFlags(lockout(), email, 5)).toEqual([false, false, false, false, false]);
    const sixth = await lockout().attempt(email.toUpperCase(), new Date());

    expect(sixth.locked).toBe(true);
    const lockedUntil = sixth.locked ? sixth.lockedUntil.getTime() : 0;
    expect(lockedUntil).toBeGreaterThan(before);
    expect(lockedUntil).toBeLessThanOrEqual(Date.now() + LOCKOUT_MS);
    expect((await lockout().attempt(`${randomUUID()}@example.com`, new Date())).locked).toBe(false);
  });

  it("counts concurrent attempts one by one", async () => {
    const email = `${randomUUID()}@example.com`;

    const results = await Promise.all(
      Array.from({ length: 20 }, () => lockout().attempt(email, new Date())),
    );

    expect(results.filter((result) => !result.locked)).toHaveLength(5);
  });
}

describe("UnknownEmailLockout in process", () => {
  const lockout = new UnknownEmailLockout(config, new ExpiringCounters(config, null));
  behavesLikeTheUserLockout(() => lockout);
});

describe.skipIf(!redisUrl)("UnknownEmailLockout on Redis", () => {
  const redis = new Redis(redisUrl ?? "redis://127.0.0.1:6379", { lazyConnect: true });
  const lockout = new UnknownEmailLockout(config, new ExpiringCounters(config, redis));

  afterAll(async () => {
    const keys = await redis.keys(`${PREFIX}*`);
    if (keys.length > 0) {
      await redis.del(...keys);
    }
    await redis.quit();
  });

  behavesLikeTheUserLockout(() => lockout);

  it("stores the count under a hash of the email, expiring with the lock", async () => {
    const email = `${randomUUID()}@example.com`;
    const key = `${PREFIX}login-failures:${createHash("sha256").update(email).digest("hex")}`;

    await lockedFlags(lockout, email, 5);

    expect(await redis.get(key)).toBe("5");
    const ttl = await redis.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(LOCKOUT_MS);
    expect(await redis.keys(`${PREFIX}*${email}*`)).toEqual([]);
  });
});
