import { type FastifyReply, type FastifyRequest } from "fastify";

/**
 * Fastify `onRequest` hook: `Cache-Control: no-store` on every API response. Everything the BFF
 * answers is one customer's data (invoices, profile, sessions) or a live status, so no browser or
 * proxy may keep a copy (OWASP REST Security Cheat Sheet, "Security headers").
 */
export async function noStore(_request: FastifyRequest, reply: FastifyReply): Promise<void> {
  void reply.header("cache-control", "no-store");
}
