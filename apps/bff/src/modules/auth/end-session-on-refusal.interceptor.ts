import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from "@nestjs/common";
import { type FastifyReply } from "fastify";
import { catchError, type Observable, throwError } from "rxjs";
import { AppError } from "../http/app-error.js";
import { SessionCookies } from "./session-cookies.js";

/**
 * When a refresh is refused (401: unknown, expired, rotated or revoked token), clears the session
 * cookies along with the error. Otherwise the browser keeps a `portal_at` cookie that no longer
 * leads anywhere, and the portal, which can only see cookies, keeps treating it as signed in
 * (it would bounce the visitor between sign-in and the dashboard).
 */
@Injectable()
export class EndSessionOnRefusalInterceptor implements NestInterceptor {
  constructor(private readonly cookies: SessionCookies) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof AppError && error.code === "UNAUTHENTICATED") {
          this.cookies.clear(context.switchToHttp().getResponse<FastifyReply>());
        }
        return throwError(() => error);
      }),
    );
  }
}
