import { Injectable } from "@nestjs/common";
import { type Session } from "@portal/domain";
import { type UserRow } from "../identity/schema/users.js";
import { AccessTokenService, type IssuedAccessToken } from "../http/access-token.service.js";
import { type IssuedRefreshToken } from "./refresh-token.service.js";

/** A session to hand to the browser: the response body and the two tokens for the cookies. */
export interface IssuedSession {
  body: Session;
  accessToken: IssuedAccessToken;
  refreshToken: IssuedRefreshToken;
}

/** Pairs a refresh token with an access token and describes the session (`sessionSchema`). */
@Injectable()
export class SessionService {
  constructor(private readonly accessTokens: AccessTokenService) {}

  /**
   * The session of `user` around `refreshToken`, with an access token for the refresh token's
   * family (the session id) issued when the refresh token was: the same refresh token always
   * comes with the same access token (a refresh replayed within the reuse interval).
   */
  async issue(
    user: Pick<UserRow, "id" | "email" | "firstName" | "lastName">,
    refreshToken: IssuedRefreshToken,
  ): Promise<IssuedSession> {
    const accessToken = await this.accessTokens.issue(
      { id: user.id, sessionId: refreshToken.familyId },
      refreshToken.issuedAt,
    );
    return {
      body: {
        user: {
          id: user.id,
          email: user.email,
          firstName: user.firstName,
          lastName: user.lastName,
        },
        accessTokenExpiresAt: accessToken.expiresAt.toISOString(),
        refreshTokenExpiresAt: refreshToken.expiresAt.toISOString(),
      },
      accessToken,
      refreshToken,
    };
  }
}
