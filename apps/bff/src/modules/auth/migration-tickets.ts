import { createHash, randomBytes } from "node:crypto";
import { Inject, Injectable, Logger } from "@nestjs/common";
import { type Redis } from "ioredis";
import { LRUCache } from "lru-cache";
import { z } from "zod";
import { REDIS_CLIENT } from "../cache/redis-client.js";
import { APP_CONFIG } from "../config/config.module.js";
import { type AppConfig } from "../config/config.schema.js";

/** How long a migration ticket works: 15 minutes, in milliseconds (decision 0035). */
export const MIGRATION_TICKET_TTL_MS = 15 * 60_000;

/** Tickets held in process when there is no Redis; the oldest go first. */
const MAX_MEMORY_ENTRIES = 10_000;

/**
 * What a migration ticket stands for: the WHMCS client whose login was just checked, its
 * Salesforce Account, and the profile the portal user is created with (read from WHMCS, the
 * billing profile's owner). Never a password.
 */
export const migrationTicketDataSchema = z.object({
  billingClientId: z.number().int().positive(),
  accountId: z.string().min(1),
  customerNumber: z.string().min(1),
  email: z.string().min(1),
  firstName: z.string(),
  lastName: z.string(),
});
export type MigrationTicketData = z.infer<typeof migrationTicketDataSchema>;

/** What is stored under a ticket's hash: its data and when it stops working (epoch ms). */
const storedTicketSchema = z.object({
  data: migrationTicketDataSchema,
  expiresAtMs: z.number().int(),
});

/** A ticket as handed to the browser, and when it stops working. */
export interface IssuedMigrationTicket {
  /** 32 random bytes, base64url; only its SHA-256 is stored. */
  ticket: string;
  expiresAt: Date;
}

/**
 * Migration tickets (decision 0035): the proof, between `POST /api/auth/migrate` and
 * `POST /api/auth/set-password`, that the customer knew their WHMCS login a moment ago. A ticket
 * is 256 random bits; only its SHA-256 is kept, as the key of its data and expiry (checked
 * against the caller's clock; the store's own 15-minute TTL only cleans up), in Redis
 * under `<REDIS_KEY_PREFIX>migration-ticket:<sha256>` (shared by replicas) else — or while Redis
 * fails — in process. It is used up by the set-password that succeeds ({@link revoke}), so a
 * failed upstream step leaves it for the customer's retry; a second set-password after success
 * finds nothing.
 */
@Injectable()
export class MigrationTickets {
  private readonly logger = new Logger(MigrationTickets.name);
  private readonly memory = new LRUCache<string, string>({
    max: MAX_MEMORY_ENTRIES,
    ttl: MIGRATION_TICKET_TTL_MS,
  });

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS_CLIENT) private readonly redis: Redis | null,
  ) {}

  /** Stores `data` under a new ticket, valid for 15 minutes from `now`. */
  async issue(data: MigrationTicketData, now: Date): Promise<IssuedMigrationTicket> {
    const ticket = randomBytes(32).toString("base64url");
    const key = this.keyOf(ticket);
    const expiresAt = new Date(now.getTime() + MIGRATION_TICKET_TTL_MS);
    const value = JSON.stringify({ data, expiresAtMs: expiresAt.getTime() });
    if (!(await this.tryRedis((redis) => redis.set(key, value, "PX", MIGRATION_TICKET_TTL_MS)))) {
      this.memory.set(key, value);
    }
    return { ticket, expiresAt };
  }

  /**
   * The data of a ticket that is live at `now`, or null when it is absent, unknown, expired or
   * used.
   */
  async find(ticket: string | undefined, now: Date): Promise<MigrationTicketData | null> {
    if (!ticket) {
      return null;
    }
    const key = this.keyOf(ticket);
    const stored = (await this.tryRedis((redis) => redis.get(key))) ?? this.memory.get(key);
    if (!stored) {
      return null;
    }
    const parsed = storedTicketSchema.safeParse(JSON.parse(stored));
    return parsed.success && now.getTime() < parsed.data.expiresAtMs ? parsed.data.data : null;
  }

  /** Uses the ticket up: a later {@link find} answers null. */
  async revoke(ticket: string): Promise<void> {
    const key = this.keyOf(ticket);
    this.memory.delete(key);
    await this.tryRedis((redis) => redis.del(key));
  }

  private keyOf(ticket: string): string {
    const digest = createHash("sha256").update(ticket).digest("hex");
    return `${this.config.redis.keyPrefix}migration-ticket:${digest}`;
  }

  /** Runs `command` on Redis; null without Redis or when it fails (logged). */
  private async tryRedis<T>(command: (redis: Redis) => Promise<T>): Promise<T | null> {
    if (!this.redis) {
      return null;
    }
    try {
      return await command(this.redis);
    } catch (error) {
      this.logger.warn({ err: error }, "Redis failed; keeping migration tickets in process");
      return null;
    }
  }
}
