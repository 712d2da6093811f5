import { Injectable } from "@nestjs/common";
import { type PaymentMethod, paymentMethodSchema } from "@portal/domain";
import { WhmcsClient } from "@portal/whmcs";
import { z } from "zod";
import { cacheKeys } from "../cache/cache-keys.js";
import { CACHE_TTL_SECONDS } from "../cache/cache-ttl.js";
import { CacheService } from "../cache/cache.service.js";

/** Saved payment methods of a WHMCS client (WHMCS GetPayMethods; cached 15 min, DESIGN.md §5). */
@Injectable()
export class PaymentMethodsService {
  constructor(
    private readonly whmcs: WhmcsClient,
    private readonly cache: CacheService,
  ) {}

  /** The payment methods of `clientId`; card data limited to what WHMCS exposes. */
  forClient(clientId: number): Promise<PaymentMethod[]> {
    return this.cache.getOrLoad(
      cacheKeys.paymentMethods(clientId),
      CACHE_TTL_SECONDS.paymentMethods,
      z.array(paymentMethodSchema),
      () => this.whmcs.billing.getPayMethods(clientId),
    );
  }
}
