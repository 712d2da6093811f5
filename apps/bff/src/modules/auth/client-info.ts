import { createParamDecorator, type ExecutionContext } from "@nestjs/common";
import { type FastifyRequest } from "fastify";

/** Where a request came from, for the audit log. `ip` honours TRUST_PROXY (Fastify `request.ip`). */
export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

/** Longest user agent kept in the audit log. */
const USER_AGENT_LIMIT = 512;

/** Handler parameter decorator: the {@link ClientInfo} of the request. */
export const Client = createParamDecorator(
  (_data: unknown, context: ExecutionContext): ClientInfo => {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const userAgent = request.headers["user-agent"];
    return {
      ip: request.ip || null,
      userAgent: typeof userAgent === "string" ? userAgent.slice(0, USER_AGENT_LIMIT) : null,
    };
  },
);
