import { createParamDecorator, type ExecutionContext } from "@nestjs/common";
import { type FastifyRequest } from "fastify";

/** The signed-in portal user of a request, as the access token names it. */
export interface AuthenticatedUser {
  /** Portal user id (uuid). */
  id: string;
  /** The session: the refresh-token family the access token was issued from (uuid). */
  sessionId: string;
}

/** Who `AuthGuard` admitted, and with which access token. */
interface Admitted {
  user: AuthenticatedUser;
  accessToken: string;
}

const admittedByRequest = new WeakMap<FastifyRequest, Admitted>();

/**
 * Records who made `request` and the access token that proved it (called by `AuthGuard` once the
 * token checks out): handlers read both from here, never from the request again.
 */
export function bindCurrentUser(
  request: FastifyRequest,
  user: AuthenticatedUser,
  accessToken: string,
): void {
  admittedByRequest.set(request, { user, accessToken });
}

/** The signed-in user of `request` when `AuthGuard` admitted it, else undefined. */
export function currentUserOf(request: FastifyRequest): AuthenticatedUser | undefined {
  return admittedByRequest.get(request)?.user;
}

/** What `AuthGuard` admitted for the request of `context`. @throws Error on a `@Public()` route. */
function admittedOf(context: ExecutionContext, decorator: string): Admitted {
  const admitted = admittedByRequest.get(context.switchToHttp().getRequest<FastifyRequest>());
  if (!admitted) {
    throw new Error(`@${decorator}() used on a @Public() route`);
  }
  return admitted;
}

/**
 * Handler parameter decorator: the {@link AuthenticatedUser} of a route guarded by `AuthGuard`.
 * @throws Error when the route is `@Public()` (a programming error, answered 500).
 */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser =>
    admittedOf(context, "CurrentUser").user,
);

/**
 * Handler parameter decorator: the access token `AuthGuard` accepted for the request (for what
 * lives as long as the token, such as an order stream), taken from wherever the guard read it.
 * @throws Error when the route is `@Public()` (a programming error, answered 500).
 */
export const CurrentAccessToken = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string =>
    admittedOf(context, "CurrentAccessToken").accessToken,
);
