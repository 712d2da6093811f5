import type { FastifyInstance } from "fastify";
import type { UpstreamSystem } from "../calls/call-counter.js";
import type { SandboxServices } from "../server/sandbox-services.js";

/** What a stand-in's routes are registered with. */
export interface StandInRoutesOptions {
  readonly services: SandboxServices;
  /** Path the routes are mounted under: `/whmcs` on the shared server, `` on the stand-in's own port. */
  readonly basePath: string;
  /** The stand-in's base URL as clients reach it (no trailing slash), known once listening. */
  readonly baseUrl: () => string;
}

/**
 * One upstream system the sandbox plays. `startSandbox` mounts every registered stand-in under
 * `/<system>` on the shared server and, when it is given a port, also at `/` on a server of its
 * own, so its URLs look like the real system's (Salesforce's `instance_url` has no path).
 * Source: docs/decisions/0019-sandbox-structure.md.
 */
export interface StandIn {
  readonly system: UpstreamSystem;
  /** Its routes (the wire protocol), relative to the base path. */
  readonly routes: (app: FastifyInstance, options: StandInRoutesOptions) => Promise<void>;
  /** Reseeds its persisted state for `seedDate` (`YYYY-MM-DD`). */
  readonly reseed: (services: SandboxServices, seedDate: string) => Promise<void>;
}
