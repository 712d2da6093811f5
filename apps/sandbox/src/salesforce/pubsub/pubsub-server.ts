import { randomUUID } from "node:crypto";
import * as grpc from "@grpc/grpc-js";
import type { Logger } from "pino";
import { ORG_ID } from "../org-identity.js";
import { checkPubSubAuth } from "./pubsub-auth.js";
import { pubSubError } from "./pubsub-errors.js";
import { loadPubSubService } from "./pubsub-proto.js";
import { PUBSUB_TOPICS } from "./pubsub-topics.js";
import { handleSubscribe, type SubscribeDependencies } from "./subscription.js";
import type { TlsCertificate } from "./tls-certificate.js";

/** A listening Pub/Sub API stand-in. */
export interface PubSubStandIn {
  /** `host:port`, what a client's Pub/Sub endpoint names (Salesforce: `api.pubsub.salesforce.com:7443`). */
  readonly endpoint: string;
  /** Stops listening and ends every open stream. */
  close(): Promise<void>;
}

type Unary<Req, Res> = grpc.handleUnaryCall<Req, Res>;

/**
 * Starts the Salesforce Pub/Sub API stand-in: service `eventbus.v1.PubSub` of the official proto
 * over TLS (`certificate`) on `host:port` (0 = a free port).
 * - `GetTopic` `{ topic_name }` → `TopicInfo` (tenant = the org id, `can_subscribe`, the schema id;
 *   `can_publish` false: the stand-in takes no publishes); unknown topic → `NOT_FOUND`.
 * - `GetSchema` `{ schema_id }` → `SchemaInfo` with the Avro schema JSON; unknown id → `NOT_FOUND`.
 * - `Subscribe`: see {@link handleSubscribe}.
 * - `Publish`, `PublishStream`, `ManagedSubscribe` → `UNIMPLEMENTED`.
 * Every call is authenticated from its metadata ({@link checkPubSubAuth}).
 * Source: vendor-facts §1, §7; docs/decisions/0062-pubsub-stand-in.md.
 * @throws Error when the port cannot be bound.
 */
export async function startPubSubStandIn(options: {
  host: string;
  port: number;
  certificate: TlsCertificate;
  dependencies: SubscribeDependencies;
  logger: Logger;
}): Promise<PubSubStandIn> {
  const { dependencies } = options;
  const server = new grpc.Server();
  const topicBySchemaId = new Map(
    [...PUBSUB_TOPICS.values()].map((topic) => [topic.schema.id, topic]),
  );

  /** Runs `answer` once the call's metadata is authenticated. */
  const authenticated =
    <Req, Res>(answer: (request: Req, rpcId: string) => Res | grpc.StatusObject): Unary<Req, Res> =>
    (call, callback) => {
      const rpcId = randomUUID();
      const authError = checkPubSubAuth(call.metadata, dependencies.tokens, rpcId);
      if (authError) {
        callback(authError);
        return;
      }
      const result = answer(call.request, rpcId);
      if (isStatus(result)) callback(result);
      else callback(null, result);
    };

  const unsupported = (): grpc.StatusObject =>
    pubSubError(grpc.status.UNIMPLEMENTED, "Not supported by the sandbox.", randomUUID());
  const refuseStream = (call: grpc.ServerDuplexStream<unknown, unknown>): void => {
    call.emit("error", unsupported());
  };

  const handlers: grpc.UntypedServiceImplementation = {
    GetTopic: authenticated<{ topic_name: string }, object>(({ topic_name }, rpcId) => {
      const topic = PUBSUB_TOPICS.get(topic_name);
      if (!topic)
        return pubSubError(grpc.status.NOT_FOUND, `Topic not found: ${topic_name}.`, rpcId);
      return {
        topic_name: topic.name,
        tenant_guid: ORG_ID,
        can_publish: false,
        can_subscribe: true,
        schema_id: topic.schema.id,
        rpc_id: rpcId,
      };
    }),
    GetSchema: authenticated<{ schema_id: string }, object>(({ schema_id }, rpcId) => {
      const topic = topicBySchemaId.get(schema_id);
      if (!topic)
        return pubSubError(grpc.status.NOT_FOUND, `Schema not found: ${schema_id}.`, rpcId);
      return { schema_json: topic.schema.json, schema_id: topic.schema.id, rpc_id: rpcId };
    }),
    Subscribe: ((call: Parameters<typeof handleSubscribe>[0]) =>
      handleSubscribe(call, dependencies)) as grpc.UntypedHandleCall,
    Publish: (_call: unknown, callback: grpc.sendUnaryData<never>) => callback(unsupported()),
    PublishStream: refuseStream as grpc.UntypedHandleCall,
    ManagedSubscribe: refuseStream as grpc.UntypedHandleCall,
  };
  server.addService(loadPubSubService(), handlers);

  const credentials = grpc.ServerCredentials.createSsl(
    null,
    [
      {
        private_key: Buffer.from(options.certificate.privateKeyPem),
        cert_chain: Buffer.from(options.certificate.certificatePem),
      },
    ],
    false,
  );
  const hostPart = options.host.includes(":") ? `[${options.host}]` : options.host;
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`${hostPart}:${options.port}`, credentials, (error, bound) =>
      error ? reject(error) : resolve(bound),
    );
  });
  options.logger.info({ port }, "Pub/Sub API stand-in listening");
  return {
    endpoint: `${hostPart}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        // Open Subscribe streams never end on their own: cancel them rather than wait.
        server.forceShutdown();
        resolve();
      }),
  };
}

function isStatus(value: unknown): value is grpc.StatusObject {
  return typeof value === "object" && value !== null && "code" in value && "details" in value;
}
