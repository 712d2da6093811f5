import { Global, Inject, Module, type OnApplicationShutdown } from "@nestjs/common";
import { type Redis } from "ioredis";
import { APP_CONFIG } from "../config/config.module.js";
import { type AppConfig } from "../config/config.schema.js";
import { CACHE_STORE, type CacheStore } from "./cache-store.js";
import { CacheService } from "./cache.service.js";
import { MemoryCacheStore } from "./memory-cache-store.js";
import { RedisCacheStore } from "./redis-cache-store.js";
import { connectRedis, REDIS_CLIENT } from "./redis-client.js";

/**
 * The cache: Redis when REDIS_URL is set, else in process. Also provides the Redis connection
 * (or null) to the auth rate limiter, and the store itself to the session deny-list and the
 * webhook replay guard, which keep security state rather than cached reads. Closes Redis at
 * shutdown.
 */
@Global()
@Module({
  providers: [
    {
      provide: REDIS_CLIENT,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): Promise<Redis> | null =>
        config.redis.url ? connectRedis(config.redis.url) : null,
    },
    {
      provide: CACHE_STORE,
      inject: [APP_CONFIG, REDIS_CLIENT],
      useFactory: (config: AppConfig, redis: Redis | null): CacheStore =>
        redis ? new RedisCacheStore(redis, config.redis.keyPrefix) : new MemoryCacheStore(),
    },
    CacheService,
  ],
  exports: [REDIS_CLIENT, CACHE_STORE, CacheService],
})
export class CacheModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis | null) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.redis) {
      await this.redis.quit().catch(() => this.redis?.disconnect());
    }
  }
}
