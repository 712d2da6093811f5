import { Inject, Injectable } from "@nestjs/common";
import { APP_CONFIG } from "../config/config.module.js";
import { type AppConfig } from "../config/config.schema.js";
import { CACHE_STORE, type CacheStore } from "../cache/cache-store.js";
import { AppError } from "../http/app-error.js";

/** The store key of an accepted WHMCS webhook signature. */
const seenWebhookKey = (signature: string) => `webhook-seen:whmcs:${signature}`;

/**
 * Replay protection for signed webhooks: a signature is accepted once. The signature check admits
 * a timestamp up to WEBHOOK_REPLAY_WINDOW_SECONDS either side of now, so each accepted signature
 * is remembered in the cache store (Redis in production, shared by replicas) for twice that: as
 * long as it could pass the signature check. The claim is atomic (`SET NX`), so two concurrent
 * deliveries of one request cannot both run; a delivery whose processing fails releases its claim,
 * so the sender's retry of the same request still works.
 */
@Injectable()
export class SeenWebhooks {
  private readonly rememberSeconds: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CACHE_STORE) private readonly store: CacheStore,
  ) {
    this.rememberSeconds = 2 * config.webhooks.replayWindowSeconds;
  }

  /**
   * Runs `work` unless a delivery with `signature` was already accepted.
   * @throws AppError CONFLICT (409) for a repeat; whatever `work` throws (the claim is released);
   *   the store's error when it cannot be reached (503-class, the sender retries).
   */
  async once(signature: string, work: () => Promise<void>): Promise<void> {
    const key = seenWebhookKey(signature);
    if (!(await this.store.setIfAbsent(key, "1", this.rememberSeconds))) {
      throw new AppError("CONFLICT", "This webhook was already delivered.");
    }
    try {
      await work();
    } catch (error) {
      await this.store.delete(key).catch(() => undefined);
      throw error;
    }
  }
}
