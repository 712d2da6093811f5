import { type CanActivate, type ExecutionContext, Injectable } from "@nestjs/common";
import { AUTH_COOKIES } from "@portal/domain";
import { type FastifyRequest } from "fastify";
import { AccessTokenService } from "./access-token.service.js";
import { AppError } from "./app-error.js";
import { bindCurrentUser } from "./current-user.js";

/**
 * Admits requests carrying a valid `portal_at` access token cookie and records the user for
 * `@CurrentUser()`. Use with `@UseGuards(AuthGuard)` on protected controllers.
 * @throws AppError UNAUTHENTICATED (401): the portal then refreshes once and retries (docs/api.md).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly accessTokens: AccessTokenService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const token = request.cookies[AUTH_COOKIES.access];
    const user = token ? await this.accessTokens.verify(token) : null;
    if (!user) {
      throw new AppError("UNAUTHENTICATED", "Please sign in to continue.");
    }
    bindCurrentUser(request, user);
    return true;
  }
}
