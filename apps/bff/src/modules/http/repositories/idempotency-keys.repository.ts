import { Inject, Injectable } from "@nestjs/common";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import { DATABASE_CONNECTION, type DatabaseConnection } from "../../database/database.js";
import { type IdempotencyKeyRow, idempotencyKeys } from "../schema/idempotency-keys.js";

/** What {@link IdempotencyKeysRepository.begin} found. */
export type IdempotencyBegin =
  | { kind: "started" }
  | { kind: "in-flight" }
  | { kind: "mismatch" }
  | { kind: "replay"; status: number; body: unknown };

/** The key of one idempotency record. */
export interface IdempotencyRecordKey {
  scope: string;
  key: string;
}

function recordIs(record: IdempotencyRecordKey) {
  return and(eq(idempotencyKeys.scope, record.scope), eq(idempotencyKeys.key, record.key));
}

/**
 * The `idempotency_keys` table: one record per scope and key, claimed in one statement so of
 * concurrent requests with one key exactly one runs.
 */
@Injectable()
export class IdempotencyKeysRepository {
  constructor(@Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection) {}

  /**
   * Claims `record` for a request hashing to `requestHash` (INSERT … ON CONFLICT DO UPDATE …
   * WHERE): a new key, an expired record, or one whose request was in flight since before
   * `staleBefore` (its process died) is taken over and the caller runs the request ("started").
   * Otherwise the existing record decides: another request hash → "mismatch"; no response yet
   * → "in-flight"; else "replay" with the stored status and body.
   */
  async begin(
    record: IdempotencyRecordKey,
    requestHash: string,
    now: Date,
    expiresAt: Date,
    staleBefore: Date,
  ): Promise<IdempotencyBegin> {
    const fresh = {
      requestHash,
      responseStatus: null,
      responseBody: null,
      createdAt: now,
      expiresAt,
    };
    const [claimed] = await this.connection.db
      .insert(idempotencyKeys)
      .values({ ...record, ...fresh })
      .onConflictDoUpdate({
        target: [idempotencyKeys.scope, idempotencyKeys.key],
        set: fresh,
        setWhere: or(
          lt(idempotencyKeys.expiresAt, now),
          and(isNull(idempotencyKeys.responseStatus), lt(idempotencyKeys.createdAt, staleBefore)),
        ),
      })
      .returning();
    if (claimed) {
      return { kind: "started" };
    }
    const [existing] = await this.connection.db
      .select()
      .from(idempotencyKeys)
      .where(recordIs(record));
    return existing ? this.verdict(existing, requestHash) : { kind: "in-flight" };
  }

  /** Stores the response of the request that claimed `record`. */
  async complete(record: IdempotencyRecordKey, status: number, body: unknown): Promise<void> {
    await this.connection.db
      .update(idempotencyKeys)
      .set({ responseStatus: status, responseBody: body ?? null })
      .where(recordIs(record));
  }

  /** Forgets an in-flight `record` whose request failed, so a retry with the key runs again. */
  async release(record: IdempotencyRecordKey): Promise<void> {
    await this.connection.db
      .delete(idempotencyKeys)
      .where(and(recordIs(record), isNull(idempotencyKeys.responseStatus)));
  }

  /** Deletes every record that expired before `now`; returns how many. */
  async pruneExpired(now: Date): Promise<number> {
    const deleted = await this.connection.db
      .delete(idempotencyKeys)
      .where(lt(idempotencyKeys.expiresAt, now))
      .returning({ key: idempotencyKeys.key });
    return deleted.length;
  }

  private verdict(row: IdempotencyKeyRow, requestHash: string): IdempotencyBegin {
    if (row.requestHash !== requestHash) {
      return { kind: "mismatch" };
    }
    if (row.responseStatus === null) {
      return { kind: "in-flight" };
    }
    return { kind: "replay", status: row.responseStatus, body: row.responseBody };
  }
}
