import { Injectable } from "@nestjs/common";
import { type OrderDetail, type OrderListPage, pageCount, type PageQuery } from "@portal/domain";
import { SalesforceClient, sameRecordId } from "@portal/salesforce";
import { CacheService } from "../cache/cache.service.js";
import { AppError } from "../http/app-error.js";
import { IdentityService } from "../identity/identity.service.js";
import { orderDetailRead, orderListRead } from "./orders.cached-reads.js";

function orderNotFound(): AppError {
  return new AppError("NOT_FOUND", "We could not find this order.");
}

/**
 * The customer's orders (Salesforce Order with OrderItems and OrderHistory; issue 7 "Checkout and
 * orders"), read through the cache per Account until invalidated (DESIGN.md §5). Authorization:
 * an order of another Account answers exactly like an absent one (404), so ids reveal nothing
 * (DESIGN.md §7).
 * Every method throws `AppError` UNAUTHENTICATED when the user is gone, and `SalesforceError`
 * when Salesforce fails (→ 502/503).
 */
@Injectable()
export class OrdersService {
  constructor(
    private readonly identities: IdentityService,
    private readonly salesforce: SalesforceClient,
    private readonly cache: CacheService,
  ) {}

  /** `GET /api/orders`: one page of the caller's orders, newest first. */
  async list(userId: string, page: PageQuery): Promise<OrderListPage> {
    const { sfAccountId } = await this.identities.identityOf(userId);
    const orders = await this.cache.read(orderListRead, sfAccountId, () =>
      this.salesforce.orders.listForAccount(sfAccountId),
    );
    const start = (page.page - 1) * page.pageSize;
    return {
      items: orders.slice(start, start + page.pageSize),
      page: page.page,
      pageSize: page.pageSize,
      totalItems: orders.length,
      totalPages: pageCount(orders.length, page.pageSize),
    };
  }

  /**
   * `GET /api/orders/:id`: one of the caller's orders with items, address snapshot and timeline.
   * @throws AppError NOT_FOUND when absent or another Account's.
   */
  async detail(userId: string, orderId: string): Promise<OrderDetail> {
    const { sfAccountId } = await this.identities.identityOf(userId);
    const order = await this.cache.read(orderDetailRead, { sfAccountId, orderId }, async () =>
      ownOrder(sfAccountId, await this.salesforce.orders.get(orderId)),
    );
    if (!order) throw orderNotFound();
    return order;
  }
}

/**
 * The one ownership rule of orders: an Order found for `sfAccountId` is the caller's only when it
 * belongs to that Account (15- and 18-character Ids compared as Salesforce does); otherwise null,
 * answered like an absent order.
 */
export function ownOrder(
  sfAccountId: string,
  found: { accountId: string; order: OrderDetail } | null,
): OrderDetail | null {
  return found && sameRecordId(found.accountId, sfAccountId) ? found.order : null;
}
