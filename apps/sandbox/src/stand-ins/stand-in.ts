import type { FastifyInstance } from "fastify";
import type { SafeHtml } from "../html/html.js";
import type { UpstreamSystem } from "./upstream-system.js";
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
 * One upstream system the sandbox plays: its routes, console panel and seed (its fault dialect is
 * in `faults/fault-dialects.ts`, its state definition with its seed). `startSandbox` mounts every registered stand-in under
 * `/<system>` on the shared server and, when it is given a port, also at `/` on a server of its
 * own, so its URLs look like the real system's (Salesforce's `instance_url` has no path).
 * Source: docs/decisions/0019-sandbox-structure.md.
 */
export interface StandIn {
  readonly system: UpstreamSystem;
  /** Its name in the console ("WHMCS"). */
  readonly title: string;
  /** Its routes (the wire protocol), relative to the base path. */
  readonly routes: (app: FastifyInstance, options: StandInRoutesOptions) => Promise<void>;
  /** Its console panel; `today` is `YYYY-MM-DD` (UTC). */
  readonly consolePanel: (services: SandboxServices, today: string) => SafeHtml;
  /** Reseeds its persisted state for `seedDate` (`YYYY-MM-DD`). */
  readonly reseed: (services: SandboxServices, seedDate: string) => Promise<void>;
}
