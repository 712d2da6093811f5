import { Inject, Injectable, Logger, type OnModuleInit } from "@nestjs/common";
import { APP_CONFIG } from "../config/config.module.js";
import { type AppConfig } from "../config/config.schema.js";
import { type AppJobs } from "../queue/app-jobs.js";
import { DeadLetterError } from "../queue/dead-letter-error.js";
import { JobQueue } from "../queue/job-queue.js";
import { type JobPayload } from "../queue/job-definition.js";
import { isPermanentSmtpFailure, MAIL_TRANSPORT, type MailTransport } from "./mail-transport.js";

/**
 * Works the outbox: the handler of `mail.send` hands each message to SMTP (`MAIL_FROM` as
 * sender). A transient failure (4xx, connection refused, timeout) fails the attempt, which the
 * queue retries with backoff; a permanent one (5xx, e.g. 550 recipient refused) is dead-lettered
 * at once (decision 0027).
 */
@Injectable()
export class MailSender implements OnModuleInit {
  private readonly logger = new Logger(MailSender.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JobQueue) private readonly queue: JobQueue<AppJobs>,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
  ) {}

  onModuleInit(): void {
    this.queue.register("mail.send", (payload) => this.deliver(payload));
  }

  /**
   * Sends one queued message.
   * @throws DeadLetterError on a permanent SMTP refusal; the transport's error otherwise.
   */
  async deliver(payload: JobPayload<AppJobs, "mail.send">): Promise<void> {
    const { template, to, subject, html, text } = payload;
    try {
      await this.transport.send({ from: this.config.mail.from, to, subject, html, text });
      this.logger.log({ template }, "E-mail sent");
    } catch (error) {
      if (isPermanentSmtpFailure(error)) {
        throw new DeadLetterError(`SMTP refused the ${template} e-mail for good`, { cause: error });
      }
      throw error;
    }
  }
}
