import { Inject, Injectable } from "@nestjs/common";
import { and, eq } from "drizzle-orm";
import { DATABASE_CONNECTION, type DatabaseConnection } from "../../database/database.js";
import { type SfEventReplayRow, sfEventReplays } from "../schema/sf-event-replays.js";

/** The stored position of the subscriber on each topic (`sf_event_replays`). */
@Injectable()
export class SfEventReplaysRepository {
  constructor(@Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection) {}

  /** Every topic's stored position. */
  async all(): Promise<SfEventReplayRow[]> {
    return this.connection.db.select().from(sfEventReplays);
  }

  /** `topic`'s stored position, or null when nothing was stored yet. */
  async get(topic: string): Promise<SfEventReplayRow | null> {
    const [row] = await this.connection.db
      .select()
      .from(sfEventReplays)
      .where(eq(sfEventReplays.topic, topic));
    return row ?? null;
  }

  /**
   * Stores `replayId` (hex) as `topic`'s position at `now`; `lastCommitAt`, when given, as the
   * commit time of the last event handled (a keep-alive's position keeps the stored one).
   */
  async store(
    topic: string,
    replayId: string,
    now: Date,
    lastCommitAt: Date | null = null,
  ): Promise<void> {
    await this.connection.db
      .insert(sfEventReplays)
      .values({ topic, replayId, lastCommitAt, updatedAt: now })
      .onConflictDoUpdate({
        target: sfEventReplays.topic,
        set: {
          replayId,
          updatedAt: now,
          ...(lastCommitAt === null ? {} : { lastCommitAt }),
        },
      });
  }

  /**
   * Records an operator's request to replay `topic` from `replayId` (hex): the leading replica
   * applies it ({@link applyRequested}). A topic without a row gets `replayId` as its position too.
   */
  async requestReplay(topic: string, replayId: string, now: Date): Promise<void> {
    await this.connection.db
      .insert(sfEventReplays)
      .values({ topic, replayId, requestedReplayId: replayId, updatedAt: now })
      .onConflictDoUpdate({
        target: sfEventReplays.topic,
        set: { requestedReplayId: replayId, updatedAt: now },
      });
  }

  /**
   * Makes the requested replay id `requested` `topic`'s position and clears the request, unless a
   * newer request replaced it meanwhile.
   * @returns whether it did.
   */
  async applyRequested(topic: string, requested: string, now: Date): Promise<boolean> {
    const rows = await this.connection.db
      .update(sfEventReplays)
      .set({ replayId: requested, requestedReplayId: null, updatedAt: now })
      .where(and(eq(sfEventReplays.topic, topic), eq(sfEventReplays.requestedReplayId, requested)))
      .returning({ topic: sfEventReplays.topic });
    return rows.length > 0;
  }
}
