import { Injectable } from "@nestjs/common";
import {
  isUsablePaymentMethod,
  type PaymentGateway,
  type PaymentMethod,
  type PaymentMethodsOverview,
  type SsoLink,
} from "@portal/domain";
import { WhmcsClient } from "@portal/whmcs";
import { CacheService } from "../cache/cache.service.js";
import { AppError } from "../http/app-error.js";
import { IdentityService } from "../identity/identity.service.js";
import { paymentGatewaysRead, paymentMethodsRead } from "./billing.cached-reads.js";

/**
 * Payment methods (WHMCS is the source): the customer's saved methods (GetPayMethods, cached
 * 15 min) and the gateways the shop accepts (GetPaymentMethods, cached 1 h; DESIGN.md §5), both
 * dropped early by the WHMCS webhook (`BillingChanged`, billing-cache-invalidator.ts). Methods are
 * added, removed and made default inside WHMCS, through a one-time SSO link.
 */
@Injectable()
export class PaymentMethodsService {
  constructor(
    private readonly identities: IdentityService,
    private readonly whmcs: WhmcsClient,
    private readonly cache: CacheService,
  ) {}

  /** `GET /api/payment-methods`: the caller's saved methods (default first) and the shop's gateways. */
  async overview(userId: string): Promise<PaymentMethodsOverview> {
    const identity = await this.identities.identityOf(userId);
    const [methods, gateways] = await Promise.all([
      this.forClient(identity.whmcsClientId),
      this.gateways(),
    ]);
    return { methods, gateways };
  }

  /**
   * A one-time WHMCS single sign-on link (about 60 s) to the caller's payment-methods page inside
   * WHMCS, where cards and bank accounts are added, removed and made default.
   */
  async ssoLink(userId: string): Promise<SsoLink> {
    const identity = await this.identities.identityOf(userId);
    return this.whmcs.billing.createPaymentMethodsSsoToken(identity.whmcsClientId);
  }

  /** The payment methods of WHMCS client `clientId`, default first (cached 15 min). */
  forClient(clientId: number): Promise<PaymentMethod[]> {
    return this.cache.read(paymentMethodsRead, clientId, () =>
      this.whmcs.billing.getPayMethods(clientId),
    );
  }

  /**
   * Checkout's guard (DESIGN.md §6 step 1: an order needs a WHMCS payment method): resolves when
   * WHMCS client `clientId` has a usable method — a card that has not expired, or a bank account.
   * Read live, past the cache: a method removed in WHMCS a minute ago must not let an order through.
   * @throws AppError PAYMENT_METHOD_REQUIRED when there is none; upstream errors as translated.
   */
  async requireUsable(clientId: number): Promise<void> {
    const methods = await this.whmcs.billing.getPayMethods(clientId);
    if (!methods.some(isUsablePaymentMethod)) {
      throw new AppError(
        "PAYMENT_METHOD_REQUIRED",
        "Add a payment method (a valid card or a bank account) before placing an order.",
      );
    }
  }

  private gateways(): Promise<PaymentGateway[]> {
    return this.cache.read(paymentGatewaysRead, undefined, () =>
      this.whmcs.billing.getPaymentGateways(),
    );
  }
}
