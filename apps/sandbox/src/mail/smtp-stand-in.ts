import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import type { Logger } from "pino";
import { SMTPServer } from "smtp-server";
import type { Clock } from "../server/clock.js";
import type { Mailbox } from "./mailbox.js";

/** A listening SMTP stand-in. */
export interface SmtpStandIn {
  /** `smtp://<host>:<port>`, what the BFF's `SMTP_URL` names. */
  url: string;
  close(): Promise<void>;
}

/** An SMTP reply with its code, as smtp-server sends a thrown error. */
function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

/**
 * The mail server stand-in: plain SMTP on `host:port` (0 = a free port; no TLS, no
 * authentication — loopback only) with `smtp-server`, parsing each message with `mailparser`
 * into `mailbox`. Recipients are accepted, or refused as `mailbox.refusal` says (451 / 550).
 * Nothing is relayed: mail never leaves the machine.
 * @throws Error when the port cannot be bound.
 */
export async function startSmtpStandIn(options: {
  host: string;
  port: number;
  mailbox: Mailbox;
  clock: Clock;
  logger: Logger;
}): Promise<SmtpStandIn> {
  const { mailbox, clock, logger } = options;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    banner: "portal sandbox mail stand-in",
    size: 10 * 1024 * 1024,
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (mailbox.refusal === "transient") {
        callback(smtpError("Mailbox temporarily unavailable (sandbox fault)", 451));
      } else if (mailbox.refusal === "permanent") {
        callback(smtpError("Recipient refused (sandbox fault)", 550));
      } else {
        callback();
      }
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          const recipients = session.envelope.rcptTo.map(({ address }) => address.toLowerCase());
          const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
          mailbox.add({
            to: recipients,
            from: parsed.from?.value[0]?.address ?? envelopeFrom,
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
            receivedAt: clock().toISOString(),
          });
          logger.info({ to: recipients, subject: parsed.subject }, "mail received");
          callback();
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  server.on("error", (error) => logger.warn({ err: error }, "SMTP stand-in error"));
  const { port } = server.server.address() as AddressInfo;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    url: `smtp://${host}:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
