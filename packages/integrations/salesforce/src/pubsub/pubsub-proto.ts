import { createRequire } from "node:module";
import path from "node:path";
import * as grpc from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";

/**
 * The official `pubsub_api.proto` (package `eventbus.v1`) as the npm package
 * `salesforce-pubsub-api-client` ships it at its root, unmodified — identical with
 * `forcedotcom/pub-sub-api`'s file (vendor-facts §1.1; decision 0065). The package's `exports`
 * name only its client, so the file is found next to the resolved client (`dist/`).
 */
const PUBSUB_PROTO_PATH = path.join(
  path.dirname(createRequire(import.meta.url).resolve("salesforce-pubsub-api-client")),
  "..",
  "pubsub_api.proto",
);

/** `ReplayPreset` of the proto. */
export const REPLAY_PRESET = { LATEST: 0, EARLIEST: 1, CUSTOM: 2 } as const;

/** A `FetchRequest` as sent (snake_case, as the proto spells it). */
export interface RawFetchRequest {
  topic_name?: string;
  replay_preset?: number;
  replay_id?: Buffer;
  num_requested: number;
}

/** A `ConsumerEvent`: the Avro-encoded `ProducerEvent` and its replay id. */
export interface RawConsumerEvent {
  event: { id: string; schema_id: string; payload: Buffer };
  replay_id: Buffer;
}

/** A `FetchResponse`: a batch (empty for a keep-alive), the latest replay id, the pending count. */
export interface RawFetchResponse {
  events: RawConsumerEvent[];
  latest_replay_id: Buffer;
  rpc_id: string;
  pending_num_requested: number;
}

/** A `SchemaInfo`: the Avro schema JSON of `schema_id`. */
export interface RawSchemaInfo {
  schema_json: string;
  schema_id: string;
}

/** The generated `eventbus.v1.PubSub` client, the RPCs the subscriber calls. */
export interface PubSubGrpcClient extends grpc.Client {
  Subscribe(metadata: grpc.Metadata): grpc.ClientDuplexStream<RawFetchRequest, RawFetchResponse>;
  GetSchema(
    request: { schema_id: string },
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: (error: grpc.ServiceError | null, response?: RawSchemaInfo) => void,
  ): grpc.ClientUnaryCall;
}

type PubSubClientConstructor = new (
  address: string,
  credentials: grpc.ChannelCredentials,
) => PubSubGrpcClient;

let constructor: PubSubClientConstructor | undefined;

/**
 * The `eventbus.v1.PubSub` client class, loaded once: snake_case fields, `bytes` as Buffers,
 * 64-bit integers as strings, defaults filled in (so an empty keep-alive batch has `events: []`).
 */
export function pubSubClientConstructor(): PubSubClientConstructor {
  if (constructor === undefined) {
    const definition = protoLoader.loadSync(PUBSUB_PROTO_PATH, {
      keepCase: true,
      longs: String,
      enums: Number,
      defaults: true,
      oneofs: true,
    });
    const loaded = grpc.loadPackageDefinition(definition) as unknown as {
      eventbus: { v1: { PubSub: PubSubClientConstructor } };
    };
    constructor = loaded.eventbus.v1.PubSub;
  }
  return constructor;
}
