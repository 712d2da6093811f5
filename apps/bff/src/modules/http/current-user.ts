import { createParamDecorator, type ExecutionContext } from "@nestjs/common";
import { type FastifyRequest } from "fastify";

/** The signed-in portal user of a request, as the access token names it. */
export interface AuthenticatedUser {
  /** Portal user id (uuid). */
  id: string;
  /** The session: the refresh-token family the access token was issued from (uuid). */
  sessionId: string;
}

const usersByRequest = new WeakMap<FastifyRequest, AuthenticatedUser>();

/** Records who made `request` (called by `AuthGuard` once the access token checks out). */
export function bindCurrentUser(request: FastifyRequest, user: AuthenticatedUser): void {
  usersByRequest.set(request, user);
}

/** The signed-in user of `request` when `AuthGuard` admitted it, else undefined. */
export function currentUserOf(request: FastifyRequest): AuthenticatedUser | undefined {
  return usersByRequest.get(request);
}

/**
 * Handler parameter decorator: the {@link AuthenticatedUser} of a route guarded by `AuthGuard`.
 * @throws Error when the route is `@Public()` (a programming error, answered 500).
 */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser => {
    const user = usersByRequest.get(context.switchToHttp().getRequest<FastifyRequest>());
    if (!user) {
      throw new Error("@CurrentUser() used on a @Public() route");
    }
    return user;
  },
);
