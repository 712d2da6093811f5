import { Inject, Injectable, Logger } from "@nestjs/common";
import { CACHE_STORE, type CacheStore } from "../cache/cache-store.js";
import { ACCESS_TOKEN_TTL_SECONDS } from "./access-token.service.js";

/** The store key of revoked session `sessionId` (a refresh-token family id; decision 0017). */
const deniedSessionKey = (sessionId: string) => `session-denied:${sessionId}`;

/**
 * Sessions whose access tokens must stop working before they expire (logout, a reused refresh
 * token), kept in the cache store (Redis in production, shared by replicas; in process when
 * embedded) for {@link ACCESS_TOKEN_TTL_SECONDS} — after that every access token of the session
 * has expired on its own and the refresh tokens are refused by the database. Checked by
 * `AuthGuard` on every request with one cache read, no database read (DESIGN.md §7; decision 0017).
 * A store that cannot be reached does not lock every customer out: the check then admits the
 * token (logged), which is the exposure the deny-list exists to shorten, not a new one.
 */
@Injectable()
export class SessionDenyList {
  private readonly logger = new Logger(SessionDenyList.name);

  constructor(@Inject(CACHE_STORE) private readonly store: CacheStore) {}

  /**
   * Denies session `sessionId` (a refresh-token family id) from now on.
   * @throws the store's error: a logout must not report success while the session still works.
   */
  async deny(sessionId: string): Promise<void> {
    await this.store.set(deniedSessionKey(sessionId), "1", ACCESS_TOKEN_TTL_SECONDS);
  }

  /** Whether session `sessionId` was denied (false when the store cannot be read). */
  async isDenied(sessionId: string): Promise<boolean> {
    try {
      return (await this.store.get(deniedSessionKey(sessionId))) !== undefined;
    } catch (error) {
      this.logger.warn({ err: error, sessionId }, "Session deny-list unreadable; admitting");
      return false;
    }
  }
}
