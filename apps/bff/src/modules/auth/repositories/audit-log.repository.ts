import { Inject, Injectable } from "@nestjs/common";
import { desc, eq } from "drizzle-orm";
import { DATABASE_CONNECTION, type DatabaseConnection } from "../../database/database.js";
import { type AuditLogRow, auditLog } from "../schema/audit-log.js";

/** Security and account events the audit log records (DESIGN.md §7). */
export type AuditEvent =
  | "signup"
  | "signup_refused"
  | "login_succeeded"
  | "login_failed"
  | "account_locked"
  | "refresh_token_reused"
  | "logout"
  | "profile_updated"
  | "address_updated"
  | "password_changed"
  | "password_reset_requested"
  | "password_reset"
  | "email_change_requested"
  | "email_changed"
  | "mfa_enabled"
  | "mfa_disabled"
  | "mfa_recovery_code_used"
  | "mfa_failed"
  | "session_ended"
  | "migration_started"
  | "migration_failed"
  | "migrated";

/** One audit entry: who (if known), what, and from where. */
export interface AuditEntry {
  event: AuditEvent;
  userId: string | null;
  ip: string | null;
  userAgent: string | null;
  detail?: Record<string, unknown>;
}

/** Append-only security event log. */
@Injectable()
export class AuditLogRepository {
  constructor(@Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection) {}

  /** Appends one entry. */
  async record(entry: AuditEntry): Promise<void> {
    await this.connection.db.insert(auditLog).values({ ...entry, detail: entry.detail ?? {} });
  }

  /** The newest `limit` entries of user `userId`, newest first. */
  async listForUser(userId: string, limit: number): Promise<AuditLogRow[]> {
    return this.connection.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.userId, userId))
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(limit);
  }
}
