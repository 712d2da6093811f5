import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
} from "@nestjs/common";
import { type Observable, throwError, timeout } from "rxjs";
import { APP_CONFIG } from "../config/config.module.js";
import { type AppConfig } from "../config/config.schema.js";
import { AppError } from "./app-error.js";

/** What the customer reads when the budget runs out (distinct from a client's own timeout). */
const OVER_BUDGET_MESSAGE =
  "This is taking longer than it should. Please try again in a few minutes.";

/**
 * The per-request upstream time budget (DESIGN.md §7), on every route: a request still running
 * after UPSTREAM_BUDGET_MS (10 s) is answered 503 UPSTREAM_UNAVAILABLE, however many upstream
 * calls, retries and throttle waits it was making — the portal shows "try again" instead of a
 * skeleton that never resolves. The clients cannot be cancelled from here, so the work in flight
 * finishes (or times out) in the background and its result is dropped; their own timeouts and
 * read retries are configured to fit inside the budget (WHMCS_/SF_TIMEOUT_MS × (1 + READ_RETRIES)).
 */
@Injectable()
export class UpstreamBudgetInterceptor implements NestInterceptor {
  private readonly budgetMs: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.budgetMs = config.http.upstreamBudgetMs;
  }

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      timeout({
        first: this.budgetMs,
        with: () => throwError(() => new AppError("UPSTREAM_UNAVAILABLE", OVER_BUDGET_MESSAGE)),
      }),
    );
  }
}
