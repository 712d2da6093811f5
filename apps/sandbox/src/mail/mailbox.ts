/** One message the sandbox's SMTP server accepted, as `GET /__control/mail` returns it. */
export interface ReceivedMail {
  /** Envelope recipients (`RCPT TO`), lower-case. */
  to: string[];
  /** The `From` header's address (the envelope sender when the header has none). */
  from: string;
  subject: string;
  /** The plain-text part ("" when the message has none). */
  text: string;
  /** The HTML part ("" when the message has none). */
  html: string;
  /** When the server accepted it (ISO 8601 UTC). */
  receivedAt: string;
}

/**
 * How the SMTP server answers `RCPT TO`: `accept`, `transient` (451, the sender should retry) or
 * `permanent` (550, the recipient is refused for good). Source: RFC 5321 §4.2.
 */
export type MailRefusal = "accept" | "transient" | "permanent";

/** The most messages kept; the oldest go first. */
const CAPACITY = 500;

/**
 * The sandbox's mailbox: every message its SMTP server accepted, in memory only (a restart
 * empties it; decision 0028), newest first, plus how the server answers new recipients.
 */
export class Mailbox {
  private readonly messages: ReceivedMail[] = [];
  /** How `RCPT TO` is answered from now on. */
  refusal: MailRefusal = "accept";

  /** Keeps `mail` as the newest message. */
  add(mail: ReceivedMail): void {
    this.messages.unshift(mail);
    this.messages.splice(CAPACITY);
  }

  /** Messages newest first; with `to`, only those addressed to it (case-insensitive). */
  list(to?: string): readonly ReceivedMail[] {
    if (to === undefined) return [...this.messages];
    const address = to.toLowerCase();
    return this.messages.filter((mail) => mail.to.includes(address));
  }

  /** Forgets every message and accepts recipients again. */
  clear(): void {
    this.messages.length = 0;
    this.refusal = "accept";
  }
}
