import type { FastifyInstance } from "fastify";
import { utcDate } from "../server/clock.js";
import type { SandboxServices } from "../server/sandbox-services.js";
import { FAULT_DIALECTS } from "../faults/fault-dialects.js";
import { mailboxPanel } from "../mail/mailbox-panel.js";
import { STAND_INS } from "../stand-ins/registry.js";
import { consolePage } from "./console-page.js";

/** `GET /`: the operator console. */
export async function consolePlugin(
  app: FastifyInstance,
  options: { services: SandboxServices },
): Promise<void> {
  const { services } = options;
  app.get("/", async (_request, reply) => {
    const today = utcDate(services.clock());
    const calls = services.calls.snapshot();
    return reply.type("text/html; charset=utf-8").send(
      consolePage({
        standIns: STAND_INS.map((standIn) => ({
          system: standIn.system,
          title: standIn.title,
          url: services.urls()[standIn.system],
          matchExample: FAULT_DIALECTS[standIn.system].matchExample,
          panel: standIn.consolePanel(services, today),
          calls: calls[standIn.system],
        })),
        seedDate: services.whmcsState.state.seedDate,
        today,
        faults: services.faults.list(),
        deliveries: services.webhooks.deliveries(),
        webhookUrl: services.webhooks.url,
        mailbox: mailboxPanel(services.mailbox, services.smtpUrl()),
      }),
    );
  });
}
