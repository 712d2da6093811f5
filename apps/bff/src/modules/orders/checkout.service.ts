import { createHash } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { Injectable } from "@nestjs/common";
import {
  type Address,
  type InstallationPreference,
  type MnpDetails,
  installationDateWindow,
  japanDate,
  type OrderDetail,
  type OrderQuote,
  OrderQuoteError,
  type PlaceOrderRequest,
  quoteOrder,
} from "@portal/domain";
import { type NewOrder, SalesforceClient, SalesforceError } from "@portal/salesforce";
import { BillingProfileService } from "../billing/billing-profile.service.js";
import { PaymentMethodsService } from "../billing/payment-methods.service.js";
import { CacheService } from "../cache/cache.service.js";
import { CatalogService } from "../catalog/catalog.service.js";
import { EligibilityService } from "../eligibility/eligibility.service.js";
import { EventBus } from "../events/event-bus.js";
import { AppError } from "../http/app-error.js";
import { IdentityService } from "../identity/identity.service.js";
import { type MailLocale } from "../mail/mail-locale.js";
import { MailService } from "../mail/mail.service.js";
import { ordersTags } from "./orders.cached-reads.js";
import { ownOrder } from "./orders.service.js";

/** Who is ordering, as the confirmation needs it: their Account, language and e-mail address. */
interface Orderer {
  sfAccountId: string;
  locale: MailLocale;
  email: string;
}

/**
 * What passed checkout's checks: the portal price book, the quote, the address on file (billing)
 * and where the order goes (a fibre line: the address found eligible; otherwise the one on file).
 */
interface CheckedOrder {
  pricebookId: string | null;
  quote: OrderQuote;
  billingAddress: Address;
  shippingAddress: Address;
}

/**
 * The Salesforce Order of a checked request: today in Japan as its EffectiveDate, the billing and
 * shipping snapshots, SIM/MNP details or the installation preference of its
 * category, one line per quote line (product, price book entry, tax-excluded unit price).
 */
function newOrder(
  requestId: string,
  sfAccountId: string,
  request: PlaceOrderRequest,
  { pricebookId, quote, billingAddress, shippingAddress }: CheckedOrder,
  now: Date,
): NewOrder {
  return {
    requestId,
    accountId: sfAccountId,
    pricebookId,
    category: request.category,
    effectiveOn: japanDate(now),
    billingAddress,
    shippingAddress,
    sim:
      request.category === "sim"
        ? { simType: request.simType, eid: request.eid, mnp: request.mnp }
        : null,
    installationPreference: request.category === "internet" ? request.installation : null,
    lines: quote.lines.map((line) => ({
      productId: line.item.productId,
      pricebookEntryId: line.item.id,
      quantity: line.quantity,
      unitPrice: line.item.price.taxExcluded,
    })),
  };
}

/**
 * The Salesforce error code of a unique field's value already taken: here, another attempt of
 * the same request created its Order first. Source: SOAP/REST API "StatusCode" (DUPLICATE_VALUE).
 */
const DUPLICATE_VALUE = "DUPLICATE_VALUE";

/**
 * The Order's request id (`Portal_Request_Id__c`): SHA-256 of the user id and the request's
 * `Idempotency-Key`, hex. The same action retried — after a lost answer, a crash, a 5xx — has
 * the same id; another user's key can never collide with it.
 */
export function orderRequestId(userId: string, idempotencyKey: string): string {
  return createHash("sha256").update(`${userId}\n${idempotencyKey}`).digest("hex");
}

function validationFailed(field: string, message: string): AppError {
  return new AppError("VALIDATION_FAILED", message, { fields: { [field]: message } });
}

/**
 * Checkout (`POST /api/orders`; issue 7 "Checkout and orders", DESIGN.md §6 step 1, decision
 * 0058): prices the customer's choice against the live catalog, checks it, and creates the
 * Salesforce Order (`Pending Review`) with its items in one all-or-none composite request, then
 * tells the customer by e-mail. Safe to repeat: the Order carries a request id derived from the
 * `Idempotency-Key`, looked up before anything is created.
 */
@Injectable()
export class CheckoutService {
  constructor(
    private readonly identities: IdentityService,
    private readonly catalog: CatalogService,
    private readonly eligibility: EligibilityService,
    private readonly paymentMethods: PaymentMethodsService,
    private readonly billingProfiles: BillingProfileService,
    private readonly salesforce: SalesforceClient,
    private readonly cache: CacheService,
    private readonly events: EventBus,
    private readonly mail: MailService,
  ) {}

  /**
   * Places `request` for user `userId` under `idempotencyKey`. In order — local refusals first,
   * nothing written upstream before every check passed:
   * 1. the key (required: without it a lost answer could not be told from no order);
   * 2. the Order already made for this request (`Portal_Request_Id__c`): when one exists —
   *    the first attempt's answer was lost — it is the answer, whatever changed since;
   * 3. internet: the installation dates inside `installationDateWindow(now)`; SIM with MNP: the
   *    reservation number not expired and the birthday past (Japan's calendar);
   * 4. the catalog of the category read LIVE from Salesforce, `quoteOrder` on it, and the quote's
   *    totals equal to `expectedTotals` (what the customer agreed to); when they differ or an
   *    item is gone, the cached catalog was stale and `CatalogChanged` drops it, so the
   *    customer's next look shows what is offered now;
   * 5. internet: the address eligible for the plan's offering type;
   * 6. a usable WHMCS payment method (read live);
   * 7. the address on file in WHMCS, the Order's billing snapshot, and its shipping snapshot —
   *    for internet the address staff found eligible (where the line is installed) when the
   *    portal asked for it, else the address on file;
   * 8. the composite create (`Pending Review`, EffectiveDate today in Japan, the portal price
   *    book, one line per quote line at its tax-excluded price). It is never retried; when
   *    Salesforce refuses it as a duplicate request id, the Order another attempt made is read
   *    and answered.
   * Then the Account's cached orders are dropped, `OrderChanged` is published and the
   * confirmation e-mail queued in the customer's language (once per Order).
   * @returns the Order as `GET /api/orders/:id` shows it.
   * @throws AppError VALIDATION_FAILED (400) naming `Idempotency-Key`, `installation.firstChoice`,
   *   `installation.secondChoice`, `mnp.expiresOn`, `mnp.birthdate`, the quote's field (`mnp`, `voiceOptionIds`) or `address`;
   *   PRODUCT_UNAVAILABLE (409) naming the request field no longer offered (`planId`,
   *   `addOnIds.1`, …) or `expectedTotals` when the price changed; NOT_ELIGIBLE (409);
   *   PAYMENT_METHOD_REQUIRED (409); UNAUTHENTICATED; `SalesforceError` / `WhmcsError` when an
   *   upstream fails (→ 502/503) — with no Order created, or, after a lost answer, one Order
   *   that the retry with the same key returns.
   */
  async place(
    userId: string,
    request: PlaceOrderRequest,
    idempotencyKey: string | undefined,
  ): Promise<OrderDetail> {
    if (idempotencyKey === undefined) {
      throw validationFailed(
        "Idempotency-Key",
        "Placing an order needs an Idempotency-Key header, one per attempt to order.",
      );
    }
    const { user, mapping } = await this.identities.byUserId(userId);
    const orderer: Orderer = {
      sfAccountId: mapping.sfAccountId,
      locale: user.locale,
      email: user.email,
    };
    const requestId = orderRequestId(userId, idempotencyKey);
    const earlier = await this.findPlaced(orderer.sfAccountId, requestId);
    if (earlier) return this.confirm(orderer, mapping.whmcsClientId, earlier);

    // After the look-up: a retry after a lost answer must get its Order even when Japan's
    // midnight moved the window since (the dates only matter for a new Order).
    const now = new Date();
    if (request.category === "internet") checkInstallationDates(request.installation, now);
    if (request.category === "sim" && request.mnp) checkMnpDates(request.mnp, japanDate(now));

    const checked = await this.check(userId, mapping.whmcsClientId, request);
    const order = newOrder(requestId, orderer.sfAccountId, request, checked, now);
    let orderId: string;
    try {
      ({ orderId } = await this.salesforce.orders.create(order));
    } catch (error) {
      if (!(error instanceof SalesforceError && error.vendorCode === DUPLICATE_VALUE)) throw error;
      // Another attempt of this request (its answer lost, still running) created the Order.
      const other = await this.findPlaced(orderer.sfAccountId, requestId);
      if (!other) throw error;
      return this.confirm(orderer, mapping.whmcsClientId, other);
    }
    const created = ownOrder(orderer.sfAccountId, await this.salesforce.orders.get(orderId));
    if (!created) {
      throw new AppError("UPSTREAM_ERROR", "Your order could not be read back. Please try again.", {
        cause: new Error(`Order ${orderId} was created but cannot be read for its Account`),
      });
    }
    return this.confirm(orderer, mapping.whmcsClientId, created);
  }

  /**
   * Steps 4 to 7 of {@link place}: the live catalog's quote of `request`, equal to its agreed
   * totals, eligibility (fibre plans carry their offering type; other quotes none), a usable
   * payment method, and the address on file. Reads only.
   * @throws as {@link place}.
   */
  private async check(
    userId: string,
    whmcsClientId: number,
    request: PlaceOrderRequest,
  ): Promise<CheckedOrder> {
    const { pricebookId, catalog } = await this.catalog.liveForCheckout(request.category);
    let quote: OrderQuote;
    try {
      quote = priceChoice(request, catalog);
      if (!isDeepStrictEqual(quote.totals, request.expectedTotals)) {
        const message = "The price of this order has changed. Check the new total and order again.";
        throw new AppError("PRODUCT_UNAVAILABLE", message, {
          fields: { expectedTotals: message },
        });
      }
    } catch (error) {
      if (error instanceof AppError && error.code === "PRODUCT_UNAVAILABLE") {
        // The customer chose from a cached catalog the live one no longer matches: drop it, so
        // the catalog they reload shows what is offered now (not the same refused choice).
        await this.events.publish("CatalogChanged", { sobject: "PricebookEntry", recordIds: [] });
      }
      throw error;
    }
    const eligibleAddress =
      quote.offeringType === null
        ? null
        : await this.eligibility.assertEligibleFor(userId, quote.offeringType);
    await this.paymentMethods.requireUsable(whmcsClientId);
    const { address } = await this.billingProfiles.of(whmcsClientId);
    if (!address) {
      throw validationFailed(
        "address",
        "We have no address on file for you. Add your address to your profile, then order.",
      );
    }
    return {
      pricebookId,
      quote,
      billingAddress: address,
      shippingAddress: eligibleAddress ?? address,
    };
  }

  /** The caller's Order made for `requestId`, or null. */
  private async findPlaced(sfAccountId: string, requestId: string): Promise<OrderDetail | null> {
    return ownOrder(sfAccountId, await this.salesforce.orders.findByRequestId(requestId));
  }

  /**
   * What follows a placed order, on every path that answers it (created now, or found after a
   * lost answer): the Account's cached orders dropped, `OrderChanged` published, and the
   * confirmation e-mail queued once per Order (its dedupe key; a failure to queue is logged by
   * the mail service and does not fail the order).
   */
  private async confirm(
    orderer: Orderer,
    whmcsClientId: number,
    order: OrderDetail,
  ): Promise<OrderDetail> {
    await this.cache.invalidateTag(ordersTags.account(orderer.sfAccountId));
    await this.events.publish("OrderChanged", {
      sfAccountId: orderer.sfAccountId,
      orderId: order.id,
      reason: "placed",
    });
    if (order.category !== null) {
      const profile = await this.billingProfiles.of(whmcsClientId);
      await this.mail.send(
        "order-confirmation",
        orderer.email,
        orderer.locale,
        {
          firstName: profile.firstName,
          lastName: profile.lastName,
          orderId: order.id,
          orderNumber: order.number,
          category: order.category,
          lines: order.items.map((item) => ({
            name: item.name,
            amount: item.totalPrice.amount,
            billingCycle: item.billingCycle,
          })),
          totals: order.totals,
        },
        { dedupeKey: `order-confirmation:${order.id}` },
      );
    }
    return order;
  }
}

/**
 * `quoteOrder` with its refusals as API errors: an item no longer offered → PRODUCT_UNAVAILABLE
 * (409), a choice that does not fit the plan → VALIDATION_FAILED (400), both naming the field.
 */
function priceChoice(
  request: PlaceOrderRequest,
  catalog: Parameters<typeof quoteOrder>[1],
): OrderQuote {
  try {
    return quoteOrder(request, catalog);
  } catch (error) {
    if (!(error instanceof OrderQuoteError)) throw error;
    if (error.reason === "invalid") throw validationFailed(error.field, error.message);
    throw new AppError("PRODUCT_UNAVAILABLE", error.message, {
      fields: { [error.field]: error.message },
    });
  }
}

/**
 * The installation dates must fall inside `installationDateWindow(now)` (Japan's calendar).
 * @throws AppError VALIDATION_FAILED naming `installation.firstChoice` or `installation.secondChoice`.
 */
function checkInstallationDates(preference: InstallationPreference, now: Date): void {
  const { earliest, latest } = installationDateWindow(now);
  const outside = (date: string) => date < earliest || date > latest;
  const message = `Choose a date from ${earliest} to ${latest}`;
  if (outside(preference.firstChoice)) {
    throw validationFailed("installation.firstChoice", message);
  }
  if (preference.secondChoice !== null && outside(preference.secondChoice)) {
    throw validationFailed("installation.secondChoice", message);
  }
}

/**
 * MNP dates against today in Japan: the reservation number must not have expired (the previous
 * carrier cancels it then) and the contract holder's birthday must be past.
 * @throws AppError VALIDATION_FAILED naming `mnp.expiresOn` or `mnp.birthdate`.
 */
function checkMnpDates(mnp: MnpDetails, today: string): void {
  if (mnp.expiresOn < today) {
    throw validationFailed("mnp.expiresOn", "This MNP reservation number has expired");
  }
  if (mnp.birthdate >= today) {
    throw validationFailed("mnp.birthdate", "Enter a date of birth in the past");
  }
}
