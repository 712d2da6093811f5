import { createHash, randomUUID } from "node:crypto";
import { Inject, Injectable, Logger } from "@nestjs/common";
import { APP_CONFIG } from "../config/config.module.js";
import { type AppConfig } from "../config/config.schema.js";
import { type AppJobs } from "../queue/app-jobs.js";
import { JobQueue } from "../queue/job-queue.js";
import { type MailLocale } from "./mail-locale.js";
import { renderMail } from "./render-mail.js";
import { type MailData, type MailTemplateName } from "./templates/mail-templates.js";

/**
 * The outbox job id of dedupe key `key`: a UUID (version 8, RFC 9562 §5.8) made of the key's
 * SHA-256, so every send with the key names the same job.
 */
export function dedupeJobId(key: string): string {
  const bytes = createHash("sha256").update(`mail:${key}`).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Options of {@link MailService.send}. */
export interface SendMailOptions {
  /**
   * Sends at most one message per key: while one is queued (pg-boss `short` policy), and after it
   * was sent for as long as pg-boss keeps the job (about 12 hours; the job's id is derived from
   * the key). Pass it when the caller may repeat itself (a workflow step run again after a
   * crash), e.g. `welcome:<userId>`.
   * Without it every message gets a key of its own: the policy keys keyless jobs alike, so two
   * messages queued at once would otherwise be one.
   */
  dedupeKey?: string;
}

/**
 * Sends the portal's e-mail (DESIGN.md §2 `mail`; decision 0027). `send` renders the template in
 * the customer's language and puts the message in the outbox — a `mail.send` job, delivered over
 * SMTP by {@link MailSender} with retries and backoff. It never throws: a message that cannot be
 * rendered or queued is logged, and the request that caused it goes on.
 */
@Injectable()
export class MailService {
  private readonly logger = new Logger(MailService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JobQueue) private readonly queue: JobQueue<AppJobs>,
  ) {}

  /**
   * Renders template `template` for `to` in `locale` with `data` and queues it.
   * @returns the outbox job id; null when nothing was queued (a duplicate `dedupeKey`, or a
   *   failure, which is logged).
   */
  async send<N extends MailTemplateName>(
    template: N,
    to: string,
    locale: MailLocale,
    data: MailData<N>,
    options: SendMailOptions = {},
  ): Promise<string | null> {
    try {
      const mail = await renderMail(template, locale, data, {
        publicUrl: this.config.http.publicUrl,
      });
      // pg-boss's `short` policy keeps one queued job per singleton key, and a missing key
      // counts as one key (pg-boss 10 `job_i1` index): without a key of its own, a message
      // queued while another waits would be dropped.
      return await this.queue.send(
        "mail.send",
        { template, to, ...mail },
        options.dedupeKey === undefined
          ? { singletonKey: `message:${randomUUID()}` }
          : { singletonKey: options.dedupeKey, id: dedupeJobId(options.dedupeKey) },
      );
    } catch (error) {
      this.logger.error({ err: error, template }, "Could not queue an e-mail");
      return null;
    }
  }
}
