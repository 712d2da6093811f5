import {
  type Address,
  type CatalogCategory,
  type InstallationPreference,
  type Money,
  type OrderDetail,
  type OrderSummary,
  type SimOrderDetails,
} from "@portal/domain";
import { parseResponse } from "../core/parse-response.js";
import { recordId, type SalesforceCore } from "../core/salesforce-core.js";
import { compositeFailure } from "../errors/composite-failure.js";
import { SalesforceError } from "../errors/salesforce-error.js";
import { toRawInstallationPreference } from "../mappers/installation-preference.js";
import {
  toActivationStatusValue,
  toOrderDetail,
  toOrderStatusValue,
  toOrderSummary,
  toRawOrderAddress,
  toRawSimFields,
} from "../mappers/order.js";
import { toRawPortalCategory } from "../mappers/product-picklists.js";
import { COMPOSITE_MAX_SUBREQUESTS, type RawCompositeSubrequest } from "../raw/composite.js";
import { recordCreatedSchema } from "../raw/record-created.js";
import {
  fulfilmentProductFields,
  orderFields,
  orderHistoryFields,
  orderItemFields,
  orderItemProductFields,
  rawOrderAccountSchema,
  rawFulfilmentOrderSchema,
  rawOrderSchema,
} from "../raw/order.js";
import { type FulfilmentOrder, toFulfilmentOrder } from "../mappers/fulfilment-order.js";

/** The OrderItems sub-query: each line with its product's name, item class and billing cycle. */
const ORDER_ITEMS_SUBQUERY =
  `(SELECT ${[...orderItemFields, ...orderItemProductFields.map((field) => `Product2.${field}`)].join(", ")} ` +
  "FROM OrderItems ORDER BY CreatedDate)";

/** The OrderItems sub-query of fulfilment: each line with the product fields provisioning needs. */
const FULFILMENT_ITEMS_SUBQUERY =
  `(SELECT ${[...orderItemFields, ...fulfilmentProductFields.map((field) => `Product2.${field}`)].join(", ")} ` +
  "FROM OrderItems ORDER BY CreatedDate)";

/**
 * A change of an Order's activation (DESIGN.md §6), written in one PATCH: `activating` clears
 * the error fields; `activated` also sets the Order `Status` to `Activated` (the Activated-category
 * status the org's orders end in) and clears the error; `failed` writes the error's code and
 * message (`Activation_Error_Code__c`, `Activation_Error_Message__c`, cut to 255 characters and
 * 32,000 respectively).
 */
export type ActivationUpdate =
  | { status: "activating" }
  | { status: "activated" }
  | { status: "failed"; error: { code: string; message: string } };

/** Most characters `Activation_Error_Code__c` (Text 255) and `…_Message__c` (Long Text) hold. */
const ERROR_CODE_MAX = 255;
const ERROR_MESSAGE_MAX = 32_000;

/** One line of a new order: the product, its portal price book entry, quantity and unit price (JPY). */
export interface NewOrderLine {
  productId: string;
  pricebookEntryId: string;
  quantity: number;
  unitPrice: Money;
}

/**
 * An order to create: the portal's request id (`Portal_Request_Id__c`, the External ID that makes
 * a repeated create find the first one: see {@link SalesforceOrders.findByRequestId}), the
 * Account, the portal price book, the catalog category (Order `Type` `Internet`, `SIM`, `VPN`),
 * the effective date (`YYYY-MM-DD`), the address snapshot, SIM/MNP details for a SIM order, the
 * installation preference for an internet order, and 1 to 24 lines.
 */
export interface NewOrder {
  requestId: string;
  accountId: string;
  pricebookId: string | null;
  category: CatalogCategory;
  effectiveOn: string;
  billingAddress: Address;
  shippingAddress: Address;
  sim: SimOrderDetails | null;
  installationPreference: InstallationPreference | null;
  lines: readonly NewOrderLine[];
}

/** An External ID value: 1 to 255 characters without quotes or backslashes (safe in SOQL). */
const REQUEST_ID_PATTERN = /^[A-Za-z0-9_.:-]{1,255}$/;

/** The reference id of the Order subrequest; lines are `line0`, `line1`, … */
const ORDER_REFERENCE = "newOrder";

function rejected(operation: string, message: string): SalesforceError {
  return new SalesforceError("rejected", operation, { message });
}

/**
 * `salesforce.orders`: a customer's Orders with their OrderItems. Creating is one all-or-none
 * Composite request (Order + items, so a failure leaves no half-made order; sent once, never
 * retried); reads are SOQL queries with parent-to-child sub-queries (retried on transient
 * failures). New orders are `Pending Review` / `Not Started`.
 * Source: DESIGN.md §4 (Order, OrderItem), §6 step 1; REST API Developer Guide "Composite".
 */
export class SalesforceOrders {
  constructor(private readonly core: SalesforceCore) {}

  /**
   * Creates the Order (`Status = 'Pending Review'`, `Activation_Status__c = 'Not Started'`, the
   * address snapshot in Billing…/Shipping…, SIM/MNP fields, installation preference) and its
   * OrderItems in one Composite request with `allOrNone: true` and `collateSubrequests: false`;
   * returns the new ids. Unit prices go out as yen.
   * Throws `SalesforceError`: `rejected` before any call for an invalid Id, no or more than 24
   * lines, a non-JPY or fractional price or a non-positive quantity, and when Salesforce refuses a
   * subrequest (the whole order is rolled back; `vendorCode` is the failing subrequest's error
   * code); otherwise as any composite call.
   */
  async create(order: NewOrder): Promise<{ orderId: string; itemIds: string[] }> {
    const operation = "createOrder";
    const accountId = recordId(operation, order.accountId);
    const pricebookId = order.pricebookId === null ? null : recordId(operation, order.pricebookId);
    const requestId = this.requestId(operation, order.requestId);
    if (order.lines.length === 0 || order.lines.length > COMPOSITE_MAX_SUBREQUESTS - 1) {
      throw rejected(operation, `An order takes 1 to ${COMPOSITE_MAX_SUBREQUESTS - 1} lines`);
    }
    const lines = order.lines.map((line) => {
      if (line.unitPrice.currency !== "JPY" || !Number.isInteger(line.unitPrice.amount)) {
        throw rejected(operation, "Order prices are whole yen");
      }
      if (!(line.quantity > 0)) throw rejected(operation, "Quantities are positive");
      return {
        Product2Id: recordId(operation, line.productId),
        PricebookEntryId: recordId(operation, line.pricebookEntryId),
        Quantity: line.quantity,
        UnitPrice: line.unitPrice.amount,
      };
    });

    const results = await this.core.composite(operation, (api) => ({
      allOrNone: true,
      collateSubrequests: false,
      compositeRequest: [
        {
          method: "POST",
          url: `${api}/sobjects/Order`,
          referenceId: ORDER_REFERENCE,
          body: {
            AccountId: accountId,
            ...(pricebookId === null ? {} : { Pricebook2Id: pricebookId }),
            Status: toOrderStatusValue("pending_review"),
            Activation_Status__c: toActivationStatusValue("not_started"),
            Type: toRawPortalCategory(order.category),
            Portal_Request_Id__c: requestId,
            EffectiveDate: order.effectiveOn,
            ...toRawOrderAddress("Billing", order.billingAddress),
            ...toRawOrderAddress("Shipping", order.shippingAddress),
            ...toRawSimFields(order.sim),
            Installation_Preference__c:
              order.installationPreference === null
                ? null
                : toRawInstallationPreference(order.installationPreference),
          },
        },
        ...lines.map((line, index): RawCompositeSubrequest => ({
          method: "POST",
          url: `${api}/sobjects/OrderItem`,
          referenceId: `line${index}`,
          body: { OrderId: `@{${ORDER_REFERENCE}.id}`, ...line },
        })),
      ],
    }));
    const failure = compositeFailure(operation, results);
    if (failure) throw failure;
    const [created, ...items] = results.map(
      (result) =>
        parseResponse(recordCreatedSchema, result.body, operation, "composite create result").id,
    );
    if (created === undefined) {
      throw new SalesforceError("malformed", operation, { message: "No Order id in the answer" });
    }
    return { orderId: created, itemIds: items };
  }

  /**
   * Every Order of the Account, newest first (`CreatedDate DESC`, then `Id`), each with its items
   * (for the title and totals), in one query (a parent-to-child sub-query). The caller pages: an
   * Account holds few orders, SOQL `OFFSET` answers carry no total, and one cached list answers
   * every page.
   * Throws `SalesforceError`: `rejected` before any call for an invalid Id; otherwise as any call.
   */
  async listForAccount(accountId: string): Promise<OrderSummary[]> {
    const operation = "listOrders";
    const id = recordId(operation, accountId);
    const rows = await this.core.queryRecords(
      operation,
      async () =>
        `SELECT ${orderFields.join(", ")}, ` +
        `${ORDER_ITEMS_SUBQUERY} ` +
        `FROM Order WHERE AccountId = '${id}' ORDER BY CreatedDate DESC, Id DESC`,
      rawOrderSchema,
      "Order query result",
    );
    return this.map(operation, () => rows.map(toOrderSummary));
  }

  /**
   * One Order with its items and its history (the timeline), and the Account it belongs to (the
   * caller checks ownership), or null when there is no such Order.
   * Throws `SalesforceError`: `rejected` before any call for an invalid Id; otherwise as any call.
   */
  async get(orderId: string): Promise<{ accountId: string; order: OrderDetail } | null> {
    const operation = "getOrder";
    const id = recordId(operation, orderId);
    return this.detailWhere(operation, `Id = '${id}'`);
  }

  /**
   * The Account Id of Order `orderId`, or null when there is no such Order: one narrow query, for
   * callers that only need to know whose an Order is (the event subscriber's cache invalidation).
   * Throws `SalesforceError`: `rejected` before any call for an invalid Id; otherwise as any call.
   */
  async accountOf(orderId: string): Promise<string | null> {
    const operation = "getOrderAccount";
    const id = recordId(operation, orderId);
    const [row] = await this.core.queryRecords(
      operation,
      async () => `SELECT AccountId FROM Order WHERE Id = '${id}' LIMIT 1`,
      rawOrderAccountSchema,
      "Order query result",
    );
    return row?.AccountId ?? null;
  }

  /**
   * The Order created for the portal request `requestId` (its `Portal_Request_Id__c`, an External
   * ID, unique), as {@link get} answers it, or null when there is none. Checkout asks before it
   * creates, so a retry after a lost answer returns the first Order instead of making a second.
   * Throws `SalesforceError`: `rejected` before any call for an id that is not 1 to 255 letters,
   * digits or `_.:-`; otherwise as any call.
   */
  async findByRequestId(
    requestId: string,
  ): Promise<{ accountId: string; order: OrderDetail } | null> {
    const operation = "findOrderByRequestId";
    return this.detailWhere(
      operation,
      `Portal_Request_Id__c = '${this.requestId(operation, requestId)}'`,
    );
  }

  /**
   * One Order as fulfilment reads it: its own fields and each line with its product's category,
   * item class, WHMCS product id and SIM plan (see `FulfilmentOrder`), or null when there is none.
   * Throws `SalesforceError`: `rejected` before any call for an invalid Id; `malformed` for a row
   * it cannot read; otherwise as any call.
   */
  async getForFulfilment(orderId: string): Promise<FulfilmentOrder | null> {
    const operation = "getOrderForFulfilment";
    const id = recordId(operation, orderId);
    const [row] = await this.core.queryRecords(
      operation,
      async () =>
        `SELECT ${orderFields.join(", ")}, ${FULFILMENT_ITEMS_SUBQUERY} ` +
        `FROM Order WHERE Id = '${id}' LIMIT 1`,
      rawFulfilmentOrderSchema,
      "Order query result",
    );
    return row ? this.map(operation, () => toFulfilmentOrder(row)) : null;
  }

  /**
   * Writes an activation change to the Order (`PATCH sobjects/Order/<Id>`, see
   * {@link ActivationUpdate}). Sent once, never retried here; the PATCH is idempotent, so the
   * caller may repeat it.
   * Throws `SalesforceError`: `rejected` before any call for an invalid Id or an empty error code,
   * or when Salesforce refuses; otherwise as any call.
   */
  async recordActivation(orderId: string, update: ActivationUpdate): Promise<void> {
    const operation = "recordOrderActivation";
    const id = recordId(operation, orderId);
    let fields: Record<string, string | null>;
    switch (update.status) {
      case "activating":
        fields = { Activation_Error_Code__c: null, Activation_Error_Message__c: null };
        break;
      case "activated":
        fields = {
          Status: toOrderStatusValue("activated"),
          Activation_Error_Code__c: null,
          Activation_Error_Message__c: null,
        };
        break;
      case "failed": {
        const code = update.error.code.trim();
        if (code === "") throw rejected(operation, "An activation error needs a code");
        fields = {
          Activation_Error_Code__c: code.slice(0, ERROR_CODE_MAX),
          Activation_Error_Message__c: update.error.message.slice(0, ERROR_MESSAGE_MAX),
        };
        break;
      }
    }
    await this.core.call(
      operation,
      (conn) =>
        conn.sobject("Order").update({
          Id: id,
          Activation_Status__c: toActivationStatusValue(update.status),
          ...fields,
        }),
      { access: "write" },
    );
  }

  /**
   * Records the WHMCS order placed for the Order (`WHMCS_Order_ID__c`). Idempotent PATCH, sent once.
   * Throws `SalesforceError`: `rejected` before any call for an invalid Id or a non-positive order
   * id, or when Salesforce refuses; otherwise as any call.
   */
  async recordWhmcsOrder(orderId: string, whmcsOrderId: number): Promise<void> {
    const operation = "recordWhmcsOrder";
    const id = recordId(operation, orderId);
    if (!Number.isInteger(whmcsOrderId) || whmcsOrderId <= 0) {
      throw rejected(operation, "A WHMCS order id is a positive whole number");
    }
    await this.core.call(
      operation,
      (conn) => conn.sobject("Order").update({ Id: id, WHMCS_Order_ID__c: String(whmcsOrderId) }),
      { access: "write" },
    );
  }

  /**
   * Records the WHMCS service of each OrderItem (`WHMCS_Service_ID__c`), one idempotent PATCH per
   * item, in order (a failure part-way leaves the earlier ones written; repeating is safe).
   * Throws `SalesforceError`: `rejected` before any call for an invalid Id or a non-positive
   * service id, or when Salesforce refuses; otherwise as any call.
   */
  async recordServiceIds(
    services: readonly { orderItemId: string; whmcsServiceId: number }[],
  ): Promise<void> {
    const operation = "recordOrderItemServices";
    const updates = services.map((service) => {
      if (!Number.isInteger(service.whmcsServiceId) || service.whmcsServiceId <= 0) {
        throw rejected(operation, "A WHMCS service id is a positive whole number");
      }
      return {
        Id: recordId(operation, service.orderItemId),
        WHMCS_Service_ID__c: String(service.whmcsServiceId),
      };
    });
    for (const update of updates) {
      await this.core.call(operation, (conn) => conn.sobject("OrderItem").update(update), {
        access: "write",
      });
    }
  }

  private async detailWhere(
    operation: string,
    where: string,
  ): Promise<{ accountId: string; order: OrderDetail } | null> {
    const [row] = await this.core.queryRecords(
      operation,
      async () =>
        `SELECT ${orderFields.join(", ")}, ` +
        `${ORDER_ITEMS_SUBQUERY}, ` +
        `(SELECT ${orderHistoryFields.join(", ")} FROM Histories ORDER BY CreatedDate) ` +
        `FROM Order WHERE ${where} LIMIT 1`,
      rawOrderSchema,
      "Order query result",
    );
    if (!row) return null;
    return { accountId: row.AccountId, order: this.map(operation, () => toOrderDetail(row)) };
  }

  /** A request id checked before it goes into SOQL or a create. */
  private requestId(operation: string, requestId: string): string {
    if (!REQUEST_ID_PATTERN.test(requestId)) {
      throw rejected(operation, "A request id is 1 to 255 letters, digits or _.:-");
    }
    return requestId;
  }

  /** Runs a mapper; a record it cannot map is `malformed`. */
  private map<T>(operation: string, mapping: () => T): T {
    try {
      return mapping();
    } catch (cause) {
      throw new SalesforceError("malformed", operation, {
        message: "Salesforce returned an Order the portal cannot read",
        cause,
      });
    }
  }
}
