import { type CanActivate, type ExecutionContext, Injectable } from "@nestjs/common";
import { Reflector } from "@nestjs/core";
import { AUTH_COOKIES } from "@portal/domain";
import { type FastifyRequest } from "fastify";
import { AccessTokenService } from "./access-token.service.js";
import { AppError } from "./app-error.js";
import { bindCurrentUser } from "./current-user.js";
import { IS_PUBLIC } from "./public.decorator.js";
import { SessionDenyList } from "./session-deny-list.js";

/**
 * The global guard (secure by default, DESIGN.md §7): every route needs a valid `portal_at`
 * access token cookie whose session is not on the deny-list, unless its handler or controller is
 * marked `@Public()`. Records the user for `@CurrentUser()`. No database read, and with Redis
 * no store read either while the deny-list is followed (`SessionDenyList`).
 * @throws AppError UNAUTHENTICATED (401): the portal then refreshes once and retries (docs/api.md).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly accessTokens: AccessTokenService,
    private readonly denyList: SessionDenyList,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) {
      return true;
    }
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const token = request.cookies[AUTH_COOKIES.access];
    const user = token ? await this.accessTokens.verify(token) : null;
    if (!token || !user || (await this.denyList.isDenied(user.sessionId))) {
      throw new AppError("UNAUTHENTICATED", "Please sign in to continue.");
    }
    bindCurrentUser(request, user, token);
    return true;
  }
}
