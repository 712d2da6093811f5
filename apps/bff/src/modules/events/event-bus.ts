import { Injectable, Logger } from "@nestjs/common";
import { type AppEventName, type AppEvents } from "./app-events.js";

/** What a subscriber does with one event; may be async. */
export type EventHandler<K extends AppEventName> = (payload: AppEvents[K]) => void | Promise<void>;

/**
 * The typed in-process event bus (DESIGN.md §9 "Events"). `publish` runs every subscriber of the
 * event and waits for them, so a publisher that answers afterwards (a webhook's 204) answers after
 * the effects; a subscriber's failure is logged and never reaches the publisher, whose job ends
 * with reporting the event. In process only: each replica hears its own publishers — fine for
 * cache invalidation, whose store (Redis) is shared; durable work belongs in the queue.
 */
@Injectable()
export class EventBus {
  private readonly logger = new Logger(EventBus.name);
  private readonly handlers = new Map<AppEventName, Set<EventHandler<AppEventName>>>();

  /**
   * Calls `handler` for every later `name` event.
   * @returns a function that ends the subscription.
   */
  subscribe<K extends AppEventName>(name: K, handler: EventHandler<K>): () => void {
    const set = this.handlers.get(name) ?? new Set();
    this.handlers.set(name, set);
    const stored = handler as EventHandler<AppEventName>;
    set.add(stored);
    return () => set.delete(stored);
  }

  /**
   * Delivers `payload` to every subscriber of `name`, concurrently, and resolves when all have
   * finished. Never rejects: a subscriber's error is logged with the event name.
   */
  async publish<K extends AppEventName>(name: K, payload: AppEvents[K]): Promise<void> {
    const handlers = [...(this.handlers.get(name) ?? [])];
    await Promise.all(
      handlers.map(async (handler) => {
        try {
          await handler(payload);
        } catch (error) {
          this.logger.error({ err: error, event: name, payload }, "An event subscriber failed");
        }
      }),
    );
  }
}
