/**
 * Ports of the stack the journeys run against: not the defaults (3000/4000/4010), so a
 * developer's running `npm start` does not clash with `npm run test:e2e`.
 */
export const ports = {
  portal: 3100,
  bff: 4100,
  sandbox: 4110,
  smtp: 4125,
  pubSub: 4143,
} as const;

/** The portal as the browser reaches it (docs/architecture/wiring.md: every process binds 127.0.0.1). */
export const portalUrl = `http://localhost:${ports.portal}`;

/** The sandbox (WHMCS + Salesforce stand-ins); its `/__control/*` API and its WHMCS pages. */
export const sandboxUrl = `http://127.0.0.1:${ports.sandbox}`;

/** Embedded state of the e2e stack, wiped before each run (relative to the repository root). */
export const dataDir = ".data-e2e";
