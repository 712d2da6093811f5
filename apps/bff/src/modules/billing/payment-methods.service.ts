import { Injectable } from "@nestjs/common";
import { type PaymentMethod } from "@portal/domain";
import { WhmcsClient } from "@portal/whmcs";
import { CacheService } from "../cache/cache.service.js";
import { paymentMethodsRead } from "./billing.cached-reads.js";

/** Saved payment methods of a WHMCS client (WHMCS GetPayMethods; cached 15 min, DESIGN.md §5). */
@Injectable()
export class PaymentMethodsService {
  constructor(
    private readonly whmcs: WhmcsClient,
    private readonly cache: CacheService,
  ) {}

  /** The payment methods of `clientId`; card data limited to what WHMCS exposes. */
  forClient(clientId: number): Promise<PaymentMethod[]> {
    return this.cache.read(paymentMethodsRead, clientId, () =>
      this.whmcs.billing.getPayMethods(clientId),
    );
  }
}
