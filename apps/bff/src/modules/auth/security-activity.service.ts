import { Injectable } from "@nestjs/common";
import { type SecurityEvent, securityEventTypeSchema } from "@portal/domain";
import { AuditLogRepository } from "./repositories/audit-log.repository.js";
import { userAgentLabel } from "./user-agent-summary.js";

/** How many events `/account/security` shows (issue "Japanese-first portal" §3). */
export const SECURITY_ACTIVITY_LIMIT = 50;

/** The security activity of a user: their audit-log events, newest first. */
@Injectable()
export class SecurityActivityService {
  constructor(private readonly audit: AuditLogRepository) {}

  /** The last {@link SECURITY_ACTIVITY_LIMIT} events of `userId`; unknown kinds read "other". */
  async recent(userId: string): Promise<SecurityEvent[]> {
    const rows = await this.audit.listForUser(userId, SECURITY_ACTIVITY_LIMIT);
    return rows.map((row) => {
      const type = securityEventTypeSchema.safeParse(row.event);
      return {
        type: type.success ? type.data : "other",
        at: row.createdAt.toISOString(),
        ip: row.ip,
        client: userAgentLabel(row.userAgent),
      };
    });
  }
}
