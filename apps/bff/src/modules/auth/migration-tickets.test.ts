import { createHash, randomUUID } from "node:crypto";
import { Logger } from "@nestjs/common";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MINIMAL_ENV } from "../../../test/support/minimal-env.js";
import { parseConfig } from "../config/parse-config.js";
import {
  MIGRATION_TICKET_TTL_MS,
  type MigrationTicketData,
  MigrationTickets,
} from "./migration-tickets.js";

const PREFIX = `test:${randomUUID()}:`;
const config = parseConfig({ ...MINIMAL_ENV, REDIS_KEY_PREFIX: PREFIX });
const redisUrl = process.env.TEST_REDIS_URL;

const DATA: MigrationTicketData = {
  billingClientId: 100,
  accountId: "001DEMO00000004YDA",
  customerNumber: "100004",
  email: "yuki.kobayashi@example.com",
  firstName: "Yuki",
  lastName: "Kobayashi",
};

const NOW = new Date("2026-12-01T09:00:00.000Z");

beforeAll(() => {
  Logger.overrideLogger(false);
});

/** The behaviour both stores share. */
function describeTickets(tickets: () => MigrationTickets): void {
  it("finds a ticket's data until 15 minutes have passed, then never", async () => {
    const issued = await tickets().issue(DATA, NOW);
    expect(issued.expiresAt.toISOString()).toBe("2026-12-01T09:15:00.000Z");
    const justBefore = new Date(NOW.getTime() + MIGRATION_TICKET_TTL_MS - 1);
    expect(await tickets().find(issued.ticket, justBefore)).toEqual(DATA);
    expect(await tickets().find(issued.ticket, issued.expiresAt)).toBeNull();
  });

  it("forgets a revoked ticket, and knows no made-up or missing one", async () => {
    const issued = await tickets().issue(DATA, NOW);
    await tickets().revoke(issued.ticket);
    expect(await tickets().find(issued.ticket, NOW)).toBeNull();
    expect(await tickets().find("made-up", NOW)).toBeNull();
    expect(await tickets().find(undefined, NOW)).toBeNull();
  });

  it("hands out a different 256-bit ticket every time", async () => {
    const first = await tickets().issue(DATA, NOW);
    const second = await tickets().issue(DATA, NOW);
    expect(first.ticket).not.toBe(second.ticket);
    expect(Buffer.from(first.ticket, "base64url")).toHaveLength(32);
  });
}

describe("MigrationTickets in process", () => {
  const tickets = new MigrationTickets(config, null);
  describeTickets(() => tickets);
});

describe.skipIf(!redisUrl)("MigrationTickets on Redis", () => {
  const redis = new Redis(redisUrl ?? "redis://127.0.0.1:6379", { lazyConnect: true });
  const tickets = new MigrationTickets(config, redis);

  beforeAll(async () => {
    await redis.connect();
  });

  afterAll(async () => {
    const keys = await redis.keys(`${PREFIX}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  describeTickets(() => tickets);

  it("stores only the ticket's SHA-256, with a 15-minute TTL, and no ticket in the value", async () => {
    const issued = await tickets.issue(DATA, new Date());
    const digest = createHash("sha256").update(issued.ticket).digest("hex");
    const key = `${PREFIX}migration-ticket:${digest}`;
    const ttl = await redis.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(MIGRATION_TICKET_TTL_MS);
    expect(await redis.get(key)).not.toContain(issued.ticket);
  });
});
