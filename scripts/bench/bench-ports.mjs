/**
 * The stack's ports of a benchmark run at `--port-base=P`: the BFF on P, the sandbox on P+10, its
 * SMTP stand-in on P+25, its Pub/Sub API stand-in on P+43 and the portal (not started, but the
 * launcher's configuration names it) on P−1000 — the environment variables of
 * docs/architecture/wiring.md, "Ports". Runs on different bases share the machine.
 *
 * @param {string | undefined} flag  the `--port-base` value as given
 * @returns {{ portBase: number, ports: Record<string, string> }}
 *   exits the process with a message naming the flag when it is not a port from 1001 to 65492
 */
export function benchPorts(flag) {
  const portBase = Number(flag);
  // The portal's port is P-1000 and Pub/Sub's P+43: both must be real ports.
  if (!Number.isInteger(portBase) || portBase <= 1000 || portBase + 43 > 65535) {
    console.error(`--port-base=${flag}: give a port from 1001 to 65492.`);
    process.exit(1);
  }
  return {
    portBase,
    ports: {
      PORTAL_PORT: String(portBase - 1000),
      BFF_PORT: String(portBase),
      SANDBOX_PORT: String(portBase + 10),
      SANDBOX_SMTP_PORT: String(portBase + 25),
      SANDBOX_PUBSUB_PORT: String(portBase + 43),
    },
  };
}
