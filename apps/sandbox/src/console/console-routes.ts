import type { FastifyInstance } from "fastify";
import { utcDate } from "../server/clock.js";
import type { SandboxServices } from "../server/sandbox-services.js";
import { consolePage } from "./console-page.js";

/** `GET /`: the operator console. */
export async function consolePlugin(
  app: FastifyInstance,
  options: { services: SandboxServices },
): Promise<void> {
  const { services } = options;
  app.get("/", async (_request, reply) =>
    reply.type("text/html; charset=utf-8").send(
      consolePage({
        whmcs: services.whmcsState.state,
        salesforce: services.salesforceState.state,
        today: utcDate(services.clock()),
        faults: services.faults.list(),
        calls: services.calls.snapshot(),
        deliveries: services.webhooks.deliveries(),
        webhookUrl: services.webhooks.url,
        whmcsUrl: services.urls().whmcs,
        salesforceUrl: services.urls().salesforce,
      }),
    ),
  );
}
