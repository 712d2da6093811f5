import { type RawBodyRequest } from "@nestjs/common";
import { type FastifyInstance, type FastifyRequest } from "fastify";
import { AppError } from "./app-error.js";

const INVALID_JSON = "The request body is not valid JSON.";

/**
 * Makes `application/json` the one body type the API accepts: parses it with Fastify's own
 * secure JSON parser (prototype-poisoning protection, `bodyLimit`), keeps the exact bytes as
 * `request.rawBody` for signature checks (webhooks), and reads an empty body as "no body" so
 * body-less POSTs such as logout work whatever content type the client sends. A body that is
 * not JSON fails here as 400 VALIDATION_FAILED with `fields._root` (reported as our own error:
 * Nest would turn Fastify's parse error into a bare 400). Every other content type is refused by
 * Fastify (415, answered as 400 by `toAppError`).
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
      parseJson(request, buffer.toString("utf8"), (error, value) => {
        if (error) {
          done(
            new AppError("VALIDATION_FAILED", INVALID_JSON, {
              fields: { _root: INVALID_JSON },
              cause: error,
            }),
            undefined,
          );
          return;
        }
        done(null, value);
      });
    },
  );
}
