import { Inject, Injectable } from "@nestjs/common";
import { DATABASE_CONNECTION, type DatabaseConnection } from "../database.js";
import { auditLog } from "../schema/audit-log.js";

/** Security events the audit log records (DESIGN.md §7). */
export type AuditEvent =
  | "signup"
  | "login_succeeded"
  | "login_failed"
  | "account_locked"
  | "refresh_token_reused"
  | "logout"
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
}
