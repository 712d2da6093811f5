import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  type MessageEvent,
  Param,
  Post,
  Query,
  Sse,
  SseSignal,
} from "@nestjs/common";
import {
  type OrderDetail,
  type OrderListPage,
  type OrderParams,
  orderParamsSchema,
  type PageQuery,
  pageQuerySchema,
  type PlaceOrderRequest,
  placeOrderRequestSchema,
} from "@portal/domain";
import { type Observable } from "rxjs";
import { BodyLimit } from "../http/body-limit.js";
import { type AuthenticatedUser, CurrentAccessToken, CurrentUser } from "../http/current-user.js";
import { Idempotent } from "../http/idempotent.js";
import { IDEMPOTENCY_KEY_HEADER } from "../http/idempotency.interceptor.js";
import { ZodPipe } from "../http/zod.pipe.js";
import { CheckoutService } from "./checkout.service.js";
import { OrderStreamsService } from "./order-streams.service.js";
import { OrdersService } from "./orders.service.js";

/** `/api/orders*` (docs/api.md "Routes"). */
@Controller("orders")
export class OrdersController {
  constructor(
    private readonly orders: OrdersService,
    private readonly checkout: CheckoutService,
    private readonly streams: OrderStreamsService,
  ) {}

  /** `GET /api/orders?page=&pageSize=` → `orderListPageSchema`. */
  @Get()
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query(new ZodPipe(pageQuerySchema)) query: PageQuery,
  ): Promise<OrderListPage> {
    return this.orders.list(user.id, query);
  }

  /** `GET /api/orders/events` → server-sent events of the caller's orders (decision 0071). */
  @Sse("events")
  events(
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAccessToken() accessToken: string,
    @SseSignal() signal: AbortSignal,
  ): Promise<Observable<MessageEvent>> {
    return this.streams.accountStream({ user, accessToken, signal });
  }

  /** `GET /api/orders/:id/events` → server-sent events of one order (decision 0071). */
  @Sse(":id/events")
  orderEvents(
    @CurrentUser() user: AuthenticatedUser,
    @Param(new ZodPipe(orderParamsSchema)) params: OrderParams,
    @CurrentAccessToken() accessToken: string,
    @SseSignal() signal: AbortSignal,
  ): Promise<Observable<MessageEvent>> {
    return this.streams.orderStream({ user, accessToken, signal }, params.id);
  }

  /** `GET /api/orders/:id` → `orderDetailSchema`. */
  @Get(":id")
  detail(
    @CurrentUser() user: AuthenticatedUser,
    @Param(new ZodPipe(orderParamsSchema)) params: OrderParams,
  ): Promise<OrderDetail> {
    return this.orders.detail(user.id, params.id);
  }

  /** `POST /api/orders` (`placeOrderRequestSchema`, `Idempotency-Key` required) → 201 `orderDetailSchema`. */
  @Post()
  @HttpCode(201)
  @Idempotent()
  @BodyLimit(16 * 1024)
  place(
    @CurrentUser() user: AuthenticatedUser,
    @Body(new ZodPipe(placeOrderRequestSchema)) body: PlaceOrderRequest,
    @Headers(IDEMPOTENCY_KEY_HEADER) idempotencyKey: string | undefined,
  ): Promise<OrderDetail> {
    return this.checkout.place(user.id, body, idempotencyKey);
  }
}
