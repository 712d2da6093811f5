import {
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
} from "@nestjs/common";
import { type Redis } from "ioredis";
import { z } from "zod";
import { CacheService } from "../cache/cache.service.js";
import { openSubscriber, REDIS_CLIENT } from "../cache/redis-client.js";
import { APP_CONFIG } from "../config/config.module.js";
import { type AppConfig } from "../config/config.schema.js";
import { EventBus } from "../events/event-bus.js";
import { ordersTags } from "./orders.cached-reads.js";

/** "Order `orderId` of Account `sfAccountId` changed": all an open stream needs to re-read it. */
export const orderUpdateSchema = z.object({ sfAccountId: z.string(), orderId: z.string() });
export type OrderUpdate = z.infer<typeof orderUpdateSchema>;

/** What a listener does with an update of one of its Account's orders. */
export type OrderUpdateListener = (update: OrderUpdate) => void;

/** The Redis channel (after `REDIS_KEY_PREFIX`) the replicas relay order updates on. */
const CHANNEL = "orders:updates";

/**
 * Tells the order streams of every replica that an order changed (decision 0071). Hears
 * `OrderChanged` and `FulfillmentProgressed` on this replica's bus, first drops the Account's
 * cached orders — so no stream re-reads the old copy, whichever subscriber of the bus runs first —
 * then relays the update: with Redis (REDIS_URL) it is published on a channel every replica,
 * this one included, subscribes to, since the fulfilment workflow may run on another replica than
 * the one holding the customer's stream; without Redis (embedded mode, one process) it goes
 * straight to this replica's listeners. Only the update's ids travel: streams re-read the order
 * through the cache, so many streams of one Account cost one Salesforce read. Not the event bus
 * itself across replicas: its other subscribers (mail, caches) must run once per event.
 * When Redis cannot take the message, this replica's listeners still hear it; others' streams
 * catch up on their next update or reconnection.
 */
@Injectable()
export class OrderUpdates implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(OrderUpdates.name);
  private readonly listeners = new Map<string, Set<OrderUpdateListener>>();
  private readonly channel: string;
  private subscriber: Redis | null = null;
  private readonly unsubscribes: (() => void)[] = [];

  constructor(
    private readonly events: EventBus,
    private readonly cache: CacheService,
    @Inject(REDIS_CLIENT) private readonly redis: Redis | null,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.channel = `${config.redis.keyPrefix}${CHANNEL}`;
  }

  async onModuleInit(): Promise<void> {
    this.unsubscribes.push(
      this.events.subscribe("OrderChanged", (event) => this.publish(event)),
      this.events.subscribe("FulfillmentProgressed", (event) => this.publish(event)),
    );
    if (this.redis) {
      // A connection in subscriber mode can send nothing else, hence its own. It queues the
      // SUBSCRIBE until connected and subscribes again after every reconnection (ioredis
      // `autoResubscribe`), so a Redis that is down at start-up joins later.
      const subscriber = openSubscriber(this.redis, "order-updates");
      this.subscriber = subscriber;
      subscriber.on("message", (channel: string, message: string) => {
        if (channel === this.channel) this.receive(message);
      });
      void subscriber.subscribe(this.channel).catch((error: unknown) => {
        this.logger.warn({ err: error }, "Could not subscribe to the order updates channel");
      });
    }
  }

  async onModuleDestroy(): Promise<void> {
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
    this.listeners.clear();
    const subscriber = this.subscriber;
    this.subscriber = null;
    await subscriber?.quit().catch(() => subscriber.disconnect());
  }

  /**
   * Calls `listener` for every later update of an order of Account `sfAccountId` (15- or
   * 18-character Id: publishers and the identity mapping may spell it either way).
   * @returns a function that ends the subscription.
   */
  listen(sfAccountId: string, listener: OrderUpdateListener): () => void {
    const key = accountKey(sfAccountId);
    const set = this.listeners.get(key) ?? new Set();
    this.listeners.set(key, set);
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(key) === set) {
        this.listeners.delete(key);
      }
    };
  }

  /** Drops the Account's cached orders, then relays the update (see the class). */
  private async publish(event: OrderUpdate): Promise<void> {
    const update: OrderUpdate = { sfAccountId: event.sfAccountId, orderId: event.orderId };
    await this.cache.invalidateTag(ordersTags.account(update.sfAccountId));
    if (this.redis && this.subscriber) {
      try {
        await this.redis.publish(this.channel, JSON.stringify(update));
        return;
      } catch (error) {
        this.logger.warn(
          { err: error, ...update },
          "Could not relay an order update through Redis; only this replica's streams hear it",
        );
      }
    }
    this.deliver(update);
  }

  /** A message from the channel: delivered when it is an update, logged otherwise. */
  private receive(message: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(message);
    } catch {
      parsed = undefined;
    }
    const update = orderUpdateSchema.safeParse(parsed);
    if (!update.success) {
      this.logger.warn({ message }, "Ignored a malformed message on the order updates channel");
      return;
    }
    this.deliver(update.data);
  }

  private deliver(update: OrderUpdate): void {
    for (const listener of [...(this.listeners.get(accountKey(update.sfAccountId)) ?? [])]) {
      try {
        listener(update);
      } catch (error) {
        this.logger.error({ err: error, ...update }, "An order update listener failed");
      }
    }
  }
}

/**
 * The 15-character form of a Salesforce Id: an 18-character Id is its 15-character form plus a
 * case checksum, so both spellings of one Account meet under one key.
 */
function accountKey(sfAccountId: string): string {
  return sfAccountId.slice(0, 15);
}
