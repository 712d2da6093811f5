import { Global, Inject, Module, type OnModuleDestroy } from "@nestjs/common";
import { APP_CONFIG } from "../config/config.module.js";
import { type AppConfig } from "../config/config.schema.js";
import { MailSender } from "./mail-sender.js";
import { MAIL_TRANSPORT, type MailTransport, SmtpMailTransport } from "./mail-transport.js";
import { MailService } from "./mail.service.js";

/**
 * E-mail (DESIGN.md §2): `MailService.send` for every module, the outbox worker and the SMTP
 * transport (`SMTP_URL`; the sandbox's stand-in when embedded).
 */
@Global()
@Module({
  providers: [
    MailService,
    MailSender,
    {
      provide: MAIL_TRANSPORT,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): MailTransport => new SmtpMailTransport(config.mail.smtpUrl),
    },
  ],
  exports: [MailService],
})
export class MailModule implements OnModuleDestroy {
  constructor(@Inject(MAIL_TRANSPORT) private readonly transport: MailTransport) {}

  onModuleDestroy(): void {
    this.transport.close();
  }
}
