import { createTransport, type Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport/index.js";

/** One message as handed to the SMTP server. */
export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
}

/** Where messages go: SMTP in every mode (the sandbox's stand-in when embedded). */
export interface MailTransport {
  /**
   * Hands `mail` to the server.
   * @throws Error from the server or the connection; an SMTP reply carries `responseCode`.
   */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** Token for the {@link MailTransport} (tests replace it with a fake). */
export const MAIL_TRANSPORT = Symbol("MAIL_TRANSPORT");

/**
 * Whether an SMTP failure is permanent: a 5xx reply (RFC 5321 §4.2.1, "permanent negative
 * completion", e.g. 550 recipient refused). Everything else — 4xx, a refused or dropped
 * connection, a timeout — is worth retrying.
 */
export function isPermanentSmtpFailure(error: unknown): boolean {
  const code =
    typeof error === "object" && error !== null && "responseCode" in error
      ? error.responseCode
      : undefined;
  return typeof code === "number" && code >= 500 && code < 600;
}

/** nodemailer over SMTP at `url` (`smtp://`, `smtps://`, credentials in the URL). */
export class SmtpMailTransport implements MailTransport {
  private readonly transporter: Transporter<SMTPTransport.SentMessageInfo>;

  constructor(url: string) {
    this.transporter = createTransport({
      url,
      // Bounded so a stuck server fails the job attempt (then retried) instead of holding a worker.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transporter.sendMail(mail);
  }

  close(): void {
    this.transporter.close();
  }
}
