import { type RawBodyRequest } from "@nestjs/common";
import { type FastifyInstance, type FastifyRequest } from "fastify";

/**
 * Makes `application/json` the one body type the API accepts: parses it with Fastify's own
 * secure JSON parser (prototype-poisoning protection, `bodyLimit`), keeps the exact bytes as
 * `request.rawBody` for signature checks (webhooks), and reads an empty body as "no body" so
 * body-less POSTs such as logout work whatever content type the client sends. Every other
 * content type is refused by Fastify (FST_ERR_CTP_INVALID_MEDIA_TYPE → 400).
 */
export function useJsonBodyParser(fastify: FastifyInstance, bodyLimit: number): void {
  const parseJson = fastify.getDefaultJsonParser("error", "error");
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    "application/json",
    { parseAs: "buffer", bodyLimit },
    (request, body, done) => {
      const buffer = Buffer.isBuffer(body) ? body : Buffer.from(body);
      (request as RawBodyRequest<FastifyRequest>).rawBody = buffer;
      if (buffer.length === 0) {
        done(null, undefined);
        return;
      }
      parseJson(request, buffer.toString("utf8"), done);
    },
  );
}
