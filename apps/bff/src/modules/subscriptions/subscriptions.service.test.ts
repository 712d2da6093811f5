import { type CatalogItem } from "@portal/domain";
import { type ClientService, WhmcsClient } from "@portal/whmcs";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { newTestService, type TestService } from "../../../test/support/test-service.js";
import { BillingProfileService } from "../billing/billing-profile.service.js";
import { CacheService } from "../cache/cache.service.js";
import { CatalogService } from "../catalog/catalog.service.js";
import { IdentityService } from "../identity/identity.service.js";
import { SubscriptionsService } from "./subscriptions.service.js";

/*
 * How WHMCS services become subscriptions, with fakes (the cache passes through). Over HTTP
 * against the sandbox: test/subscriptions.test.ts.
 */

const SERVICE: ClientService = {
  id: 7,
  clientId: 1,
  orderId: 3,
  productId: 212,
  productName: "Data 5GB",
  groupName: "SIM",
  status: "active",
  quantity: 1,
  billingCycle: "monthly",
  firstPayment: { amount: 880, currency: "JPY" },
  recurring: { amount: 880, currency: "JPY" },
  registeredOn: "2026-10-01",
  nextDueOn: "2026-12-01",
  customFields: {},
};

const PLAN = {
  name: { ja: "データSIM 5GB", en: "Data SIM 5GB" },
  category: "sim",
  billingProductId: 212,
} as CatalogItem;

const list = vi.fn<(clientId: number, currency: string) => Promise<ClientService[]>>();
let service: TestService<SubscriptionsService>;

beforeEach(() => {
  list.mockReset();
  service = newTestService(
    SubscriptionsService,
    new Map<unknown, unknown>([
      [WhmcsClient, { services: { list } }],
      [CacheService, { read: (_read: unknown, _args: unknown, load: () => unknown) => load() }],
    ]) as never,
  );
  service.mock(IdentityService).identityOf.mockResolvedValue({ whmcsClientId: 1 } as never);
  service.mock(BillingProfileService).of.mockResolvedValue({ currency: "JPY" } as never);
  service.mock(CatalogService).byBillingProductId.mockResolvedValue(new Map([[212, PLAN]]));
});

describe("SubscriptionsService.list", () => {
  it("names a service from its catalog product and reads it in the client's currency", async () => {
    list.mockResolvedValue([SERVICE]);

    const { items } = await service.sut.list("user-1");

    expect(list).toHaveBeenCalledWith(1, "JPY");
    expect(items).toEqual([
      {
        id: 7,
        orderNumber: 3,
        name: PLAN.name,
        category: "sim",
        status: "active",
        billingCycle: "monthly",
        recurring: {
          taxExcluded: { amount: 880, currency: "JPY" },
          taxIncluded: { amount: 968, currency: "JPY" },
        },
        startedOn: "2026-10-01",
        nextDueOn: "2026-12-01",
      },
    ]);
  });

  it("keeps WHMCS's name, in both languages, for a product the catalog no longer offers", async () => {
    list.mockResolvedValue([{ ...SERVICE, productId: 999, productName: "Legacy plan" }]);

    const { items } = await service.sut.list("user-1");

    expect(items[0]).toMatchObject({
      name: { ja: "Legacy plan", en: "Legacy plan" },
      category: null,
    });
  });

  it("gives a one-time service no recurring amount and no next due date", async () => {
    list.mockResolvedValue([{ ...SERVICE, billingCycle: "one_time" }]);

    const { items } = await service.sut.list("user-1");

    expect(items[0]).toMatchObject({ billingCycle: "one_time", recurring: null, nextDueOn: null });
  });
});
