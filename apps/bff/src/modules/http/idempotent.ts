import { applyDecorators, UseInterceptors } from "@nestjs/common";
import { IdempotencyInterceptor } from "./idempotency.interceptor.js";

/**
 * Marks a route that creates something upstream: it honours `Idempotency-Key` with Stripe's
 * semantics (see {@link IdempotencyInterceptor}).
 */
export function Idempotent(): MethodDecorator {
  return applyDecorators(UseInterceptors(IdempotencyInterceptor));
}
