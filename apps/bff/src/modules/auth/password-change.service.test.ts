import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MINIMAL_ENV } from "../../../test/support/minimal-env.js";
import { newTestService, type TestService } from "../../../test/support/test-service.js";
import { APP_CONFIG } from "../config/config.module.js";
import { parseConfig } from "../config/parse-config.js";
import { AccountSessionsRepository } from "./repositories/account-sessions.repository.js";
import { AuditLogRepository } from "./repositories/audit-log.repository.js";
import { UserPasswordsRepository } from "./repositories/user-passwords.repository.js";
import { UsersRepository } from "../identity/repositories/users.repository.js";
import { type UserRow } from "../identity/schema/users.js";
import { AppError } from "../http/app-error.js";
import { SessionDenyList } from "../http/session-deny-list.js";
import { AttemptLockout } from "./attempt-lockout.js";
import { PasswordChangeService } from "./password-change.service.js";
import { PasswordHasher } from "./password-hasher.js";

/*
 * The service alone, with fakes for its repositories, lockout and deny-list and the real argon2id
 * hasher at a test cost: the rules of a password change without a database or a server. The
 * route, the lockout's counting and the sessions over HTTP: test/account-security.test.ts.
 */

const USER = { id: "5b0f3c64-8a8e-4f8e-9a51-3f4f1d7c2a10", sessionId: "family-kept" };
const CLIENT = { ip: "203.0.113.7", userAgent: "vitest" };
const CURRENT = "Current2026!pass";
const NEW = "Portal2026!new";
const ATTEMPT = { userId: USER.id, lockedUntil: null };

let hasher: PasswordHasher;
let row: UserRow;
let service: TestService<PasswordChangeService>;

beforeAll(async () => {
  const config = parseConfig({
    ...MINIMAL_ENV,
    PASSWORD_HASH_MEMORY_KIB: "256",
    PASSWORD_HASH_ITERATIONS: "1",
  });
  hasher = new PasswordHasher(config);
  row = { id: USER.id, passwordHash: await hasher.hash(CURRENT) } as UserRow;
});

beforeEach(() => {
  service = newTestService(PasswordChangeService, new Map([[PasswordHasher, hasher]]));
  service.mock(UsersRepository).findById.mockResolvedValue(row);
  service.mock(AttemptLockout).claim.mockResolvedValue(ATTEMPT);
  service
    .mock(AccountSessionsRepository)
    .revokeAllExcept.mockResolvedValue(["family-a", "family-b"]);
});

describe("PasswordChangeService", () => {
  it("stores an argon2id hash of the new password, ends every other session and audits it", async () => {
    await service.sut.change(USER, { currentPassword: CURRENT, newPassword: NEW }, CLIENT);

    expect(service.mock(AttemptLockout).succeeded).toHaveBeenCalledWith(ATTEMPT);
    const [userId, stored] = service.mock(UserPasswordsRepository).setHash.mock.calls[0]!;
    expect(userId).toBe(USER.id);
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(await hasher.verify(stored, NEW)).toBe(true);
    expect(service.mock(AccountSessionsRepository).revokeAllExcept).toHaveBeenCalledWith(
      USER.id,
      "family-kept",
      expect.any(Date),
    );
    const denied = service.mock(SessionDenyList).deny.mock.calls.map(([family]) => family);
    expect(denied).toEqual(["family-a", "family-b"]);
    expect(service.mock(AuditLogRepository).record).toHaveBeenCalledWith({
      event: "password_changed",
      userId: USER.id,
      ...CLIENT,
      detail: { sessionsEnded: 2 },
    });
  });

  it("refuses a wrong current password on the field, counts it, and changes nothing", async () => {
    const error = await service.sut
      .change(USER, { currentPassword: "Wrong2026!pass", newPassword: NEW }, CLIENT)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: "PASSWORD_INCORRECT",
      fields: { currentPassword: expect.any(String) },
    });
    expect(service.mock(AttemptLockout).failed).toHaveBeenCalledWith(
      ATTEMPT,
      CLIENT,
      "login_failed",
      "wrong_current_password",
    );
    expect(service.mock(UserPasswordsRepository).setHash).not.toHaveBeenCalled();
    expect(service.mock(AccountSessionsRepository).revokeAllExcept).not.toHaveBeenCalled();
  });

  it("checks nothing for a user that no longer exists: the session has ended", async () => {
    service.mock(UsersRepository).findById.mockResolvedValue(undefined);

    await expect(
      service.sut.change(USER, { currentPassword: CURRENT, newPassword: NEW }, CLIENT),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(service.mock(AttemptLockout).claim).not.toHaveBeenCalled();
  });
});

describe("newTestService", () => {
  it("needs a value for an @Inject token it cannot fake", () => {
    expect(() => newTestService(PasswordHasher)).toThrow(/PasswordHasher parameter 0/);
    expect(
      newTestService(PasswordHasher, new Map([[APP_CONFIG, parseConfig(MINIMAL_ENV)]])).sut,
    ).toBeInstanceOf(PasswordHasher);
  });
});
