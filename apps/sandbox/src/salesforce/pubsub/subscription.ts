import { randomUUID } from "node:crypto";
import * as grpc from "@grpc/grpc-js";
import type { Clock } from "../../server/clock.js";
import type { SObjectRecords } from "../model/sobject-records.js";
import type { AccessTokens } from "../oauth/access-tokens.js";
import { checkPubSubAuth } from "./pubsub-auth.js";
import { PUBSUB_ERROR_CODES, pubSubError } from "./pubsub-errors.js";
import { REPLAY_PRESET, type FetchRequest, type FetchResponse } from "./pubsub-proto.js";
import { PUBSUB_TOPICS, type PubSubTopic } from "./pubsub-topics.js";
import { decodeReplayId, encodeReplayId } from "./replay-id.js";

/** Most events a subscription may have outstanding; larger requests count as this. Source: vendor-facts §1.5. */
export const MAX_PENDING_EVENTS = 100;

/** What a Subscribe call needs from the sandbox. */
export interface SubscribeDependencies {
  readonly records: SObjectRecords;
  readonly tokens: AccessTokens;
  readonly clock: Clock;
  /** Idle time (ms) after which an empty keep-alive batch is sent (Salesforce: within 270 s). */
  readonly keepAliveMs: number;
}

type SubscribeCall = grpc.ServerDuplexStream<FetchRequest, FetchResponse>;

/**
 * One `Subscribe` stream (vendor-facts §1.2, §1.5, §1.6):
 * - auth from the call metadata, checked when the stream opens;
 * - the first `FetchRequest` fixes the topic and where to start: `LATEST` (events committed from
 *   now on), `EARLIEST` (every retained event), `CUSTOM` (after `replay_id`, 8 bytes); a replay id
 *   older than the retention window → `INVALID_ARGUMENT` `…fetch.replayid.corrupted`; one that is
 *   missing, malformed or newer than any issued → `INVALID_ARGUMENT` `…replayid.validation.failed`;
 *   a later request naming another topic → `INVALID_ARGUMENT`; an unknown topic → `NOT_FOUND`;
 * - flow control: each request adds `num_requested` to the outstanding count (capped at 100); no
 *   more events than that are sent, each response reports what is still pending;
 * - new commits are delivered as they happen; after `keepAliveMs` without a response an empty
 *   batch carries the latest replay id the client may store (never past an undelivered event).
 */
export function handleSubscribe(call: SubscribeCall, deps: SubscribeDependencies): void {
  const rpcId = randomUUID();
  const authError = checkPubSubAuth(call.metadata, deps.tokens, rpcId);
  if (authError) {
    call.emit("error", authError);
    return;
  }

  let topic: PubSubTopic | undefined;
  let cursor = 0;
  let pending = 0;
  let lastWriteAt = Date.now();
  let stopped = false;
  const cutoff = (): number => deps.clock().getTime() - deps.records.retentionMs;

  const deliver = (): void => {
    if (stopped || topic === undefined || pending === 0) return;
    const batch = topic.events(deps.records, cursor, cutoff(), pending);
    const last = batch.at(-1);
    if (last === undefined) return;
    const schemaId = topic.schema.id;
    pending -= batch.length;
    cursor = last.replayId;
    lastWriteAt = Date.now();
    call.write({
      events: batch.map((event) => ({
        event: { id: event.id, schema_id: schemaId, payload: event.payload, headers: [] },
        replay_id: encodeReplayId(event.replayId),
      })),
      latest_replay_id: encodeReplayId(cursor),
      rpc_id: rpcId,
      pending_num_requested: pending,
    });
  };

  const keepAlive = (): void => {
    if (stopped || topic === undefined || Date.now() - lastWriteAt < deps.keepAliveMs) return;
    // Past the cursor only when nothing of this topic waits: a stored id must not skip an event.
    const waiting = topic.events(deps.records, cursor, cutoff(), 1).length > 0;
    lastWriteAt = Date.now();
    call.write({
      events: [],
      latest_replay_id: encodeReplayId(waiting ? cursor : deps.records.latestReplayId()),
      rpc_id: rpcId,
      pending_num_requested: pending,
    });
  };

  const unsubscribe = deps.records.onCommit(deliver);
  const timer = setInterval(keepAlive, Math.max(10, Math.floor(deps.keepAliveMs / 2)));
  const stop = (): void => {
    stopped = true;
    unsubscribe();
    clearInterval(timer);
  };
  const fail = (status: grpc.StatusObject): void => {
    stop();
    call.emit("error", status);
  };
  call.on("cancelled", stop);
  call.on("error", stop);
  call.on("end", () => {
    stop();
    call.end();
  });

  call.on("data", (request: FetchRequest) => {
    if (stopped) return;
    if (topic === undefined) {
      const named = PUBSUB_TOPICS.get(request.topic_name);
      if (named === undefined) {
        fail(pubSubError(grpc.status.NOT_FOUND, `Topic not found: ${request.topic_name}.`, rpcId));
        return;
      }
      const start = startCursor(request, deps.records, cutoff(), rpcId);
      if (typeof start !== "number") {
        fail(start);
        return;
      }
      topic = named;
      cursor = start;
    } else if (request.topic_name !== "" && request.topic_name !== topic.name) {
      fail(
        pubSubError(
          grpc.status.INVALID_ARGUMENT,
          `A subscription cannot change its topic (${topic.name}).`,
          rpcId,
        ),
      );
      return;
    }
    pending = Math.min(MAX_PENDING_EVENTS, pending + Math.max(0, request.num_requested));
    deliver();
  });
}

/**
 * Where a new subscription starts: the replay id after which it delivers, or the error status
 * for a `CUSTOM` replay id that cannot be used.
 */
function startCursor(
  request: FetchRequest,
  records: SObjectRecords,
  cutoffMs: number,
  rpcId: string,
): number | grpc.StatusObject {
  const latest = records.latestReplayId();
  if (request.replay_preset === REPLAY_PRESET.EARLIEST) return 0;
  if (request.replay_preset !== REPLAY_PRESET.CUSTOM) return latest;
  const replayId = decodeReplayId(request.replay_id);
  if (replayId === undefined || replayId > latest) {
    return pubSubError(
      grpc.status.INVALID_ARGUMENT,
      "The Replay ID validation failed. Ensure that the Replay ID is valid.",
      rpcId,
      PUBSUB_ERROR_CODES.replayIdValidationFailed,
    );
  }
  // Ids are handed out in sequence: if the event right after `replayId` is gone, so is the id.
  const retained = [
    ...records.changes(0).filter((event) => event.commitTimestamp > cutoffMs),
    ...records.platformEvents(0).filter((event) => event.createdDate > cutoffMs),
  ].map((event) => event.replayId);
  const earliest = Math.min(latest + 1, ...retained);
  if (replayId + 1 < earliest) {
    return pubSubError(
      grpc.status.INVALID_ARGUMENT,
      "The Replay ID is outside the retention window or corrupted. Subscribe with EARLIEST or LATEST.",
      rpcId,
      PUBSUB_ERROR_CODES.replayIdCorrupted,
    );
  }
  return replayId;
}
