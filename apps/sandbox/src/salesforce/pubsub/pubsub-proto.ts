import { createRequire } from "node:module";
import path from "node:path";
import * as grpc from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";

/**
 * The official `pubsub_api.proto` (package `eventbus.v1`) as the npm package
 * `salesforce-pubsub-api-client` ships it at its root, unmodified — byte-identical (ignoring
 * whitespace) with `forcedotcom/pub-sub-api`'s file (vendor-facts §1.1). The package's `exports`
 * name only its client, so the file is found next to the resolved client (`dist/`).
 */
export const PUBSUB_PROTO_PATH = path.join(
  path.dirname(createRequire(import.meta.url).resolve("salesforce-pubsub-api-client")),
  "..",
  "pubsub_api.proto",
);

/**
 * The `eventbus.v1.PubSub` service definition loaded with snake_case field names (as the proto
 * spells them), `bytes` as Buffers, enums as numbers and 64-bit integers as strings; field
 * naming on the server side does not affect the wire (vendor-facts §7).
 */
export function loadPubSubService(): grpc.ServiceDefinition {
  const definition = protoLoader.loadSync(PUBSUB_PROTO_PATH, {
    keepCase: true,
    longs: String,
    enums: Number,
    defaults: true,
    oneofs: true,
  });
  const loaded = grpc.loadPackageDefinition(definition) as unknown as {
    eventbus: { v1: { PubSub: grpc.ServiceClientConstructor } };
  };
  return loaded.eventbus.v1.PubSub.service;
}

/** `ReplayPreset` of the proto. */
export const REPLAY_PRESET = { LATEST: 0, EARLIEST: 1, CUSTOM: 2 } as const;

/** A `FetchRequest` as the loader decodes it (snake_case, defaults filled in). */
export interface FetchRequest {
  topic_name: string;
  replay_preset: number;
  replay_id: Buffer;
  num_requested: number;
  auth_refresh: string;
}

/** A `ConsumerEvent`: the Avro-encoded `ProducerEvent` and its replay id. */
export interface ConsumerEvent {
  event: { id: string; schema_id: string; payload: Buffer; headers: [] };
  replay_id: Buffer;
}

/** A `FetchResponse`: a batch (empty for a keep-alive), the latest replay id, the pending count. */
export interface FetchResponse {
  events: ConsumerEvent[];
  latest_replay_id: Buffer;
  rpc_id: string;
  pending_num_requested: number;
}
