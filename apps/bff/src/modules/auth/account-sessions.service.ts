import { Injectable } from "@nestjs/common";
import { type AccountSession } from "@portal/domain";
import { AccountSessionsRepository } from "./repositories/account-sessions.repository.js";
import { AuditLogRepository } from "./repositories/audit-log.repository.js";
import { AppError } from "../http/app-error.js";
import { type AuthenticatedUser } from "../http/current-user.js";
import { SessionDenyList } from "../http/session-deny-list.js";
import { type ClientInfo } from "./client-info.js";
import { summariseUserAgent } from "./user-agent-summary.js";

/**
 * The signed-in sessions of a user (refresh-token families; decision 0034): list them, end one,
 * end all but the caller's. Ending a session revokes its refresh tokens and puts it on the
 * deny-list, so its access token stops at once.
 */
@Injectable()
export class AccountSessionsService {
  constructor(
    private readonly sessions: AccountSessionsRepository,
    private readonly denyList: SessionDenyList,
    private readonly audit: AuditLogRepository,
  ) {}

  /** The live sessions of `user`, most recently used first, the caller's marked `current`. */
  async list(user: AuthenticatedUser): Promise<AccountSession[]> {
    const live = await this.sessions.listLive(user.id, new Date());
    return live.map((session) => ({
      id: session.familyId,
      ...summariseUserAgent(session.userAgent),
      ip: session.ip,
      firstUsedAt: session.firstUsedAt.toISOString(),
      lastUsedAt: session.lastUsedAt.toISOString(),
      current: session.familyId === user.sessionId,
    }));
  }

  /**
   * Ends session `sessionId` of `user` (the caller's own too: then it is a sign-out elsewhere
   * and the next request needs a new sign-in).
   * @throws AppError NOT_FOUND when it is not a live session of `user` (another user's id alike).
   */
  async end(user: AuthenticatedUser, sessionId: string, client: ClientInfo): Promise<void> {
    if (!(await this.sessions.isLive(user.id, sessionId, new Date()))) {
      throw new AppError("NOT_FOUND", "This session has already ended.");
    }
    await this.endFamilies(user.id, [sessionId], client, "ended_by_user");
  }

  /** Ends every session of `user` but the caller's; returns how many were ended. */
  async endOthers(user: AuthenticatedUser, client: ClientInfo): Promise<number> {
    const ended = await this.sessions.revokeAllExcept(user.id, user.sessionId, new Date());
    await this.deny(ended);
    if (ended.length > 0) {
      await this.audit.record({
        event: "session_ended",
        userId: user.id,
        ...client,
        detail: { reason: "ended_others", sessions: ended.length },
      });
    }
    return ended.length;
  }

  /** Revokes and denies the families `familyIds` of `userId`, audited with `reason`. */
  private async endFamilies(
    userId: string,
    familyIds: readonly string[],
    client: ClientInfo,
    reason: string,
  ): Promise<void> {
    const now = new Date();
    for (const familyId of familyIds) {
      await this.sessions.revokeFamilyOf(userId, familyId, now);
    }
    await this.deny(familyIds);
    await this.audit.record({
      event: "session_ended",
      userId,
      ...client,
      detail: { reason, sessions: familyIds.length },
    });
  }

  private async deny(familyIds: readonly string[]): Promise<void> {
    for (const familyId of familyIds) {
      await this.denyList.deny(familyId);
    }
  }
}
