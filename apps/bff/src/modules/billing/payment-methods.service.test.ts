import { type PaymentMethod } from "@portal/domain";
import { WhmcsClient } from "@portal/whmcs";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { newTestService, type TestService } from "../../../test/support/test-service.js";
import { AppError } from "../http/app-error.js";
import { PaymentMethodsService } from "./payment-methods.service.js";

/*
 * Checkout's payment-method guard alone, with a fake WHMCS client: which saved methods count as
 * usable. The routes over HTTP against the sandbox: test/payment-methods.test.ts.
 */

const CARD: PaymentMethod = {
  id: 1,
  type: "remote_card",
  description: "Visa ending 4242",
  cardBrand: "Visa",
  cardLastFour: "4242",
  expiry: "12/29",
  expired: false,
  bankName: null,
  isDefault: true,
};
const BANK: PaymentMethod = {
  ...CARD,
  id: 2,
  type: "bank_account",
  cardBrand: null,
  cardLastFour: null,
  expiry: null,
  bankName: "みずほ銀行",
  isDefault: false,
};

const getPayMethods = vi.fn<(clientId: number) => Promise<PaymentMethod[]>>();
let service: TestService<PaymentMethodsService>;

beforeEach(() => {
  getPayMethods.mockReset();
  service = newTestService(
    PaymentMethodsService,
    new Map([[WhmcsClient, { billing: { getPayMethods } }]]),
  );
});

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("PaymentMethodsService.requireUsable", () => {
  it.each([
    ["a card that has not expired", [CARD]],
    ["a bank account", [BANK]],
    ["an expired card and a bank account", [{ ...CARD, expired: true }, BANK]],
  ])("lets an order through with %s", async (_, methods) => {
    getPayMethods.mockResolvedValue(methods);

    await expect(service.sut.requireUsable(7)).resolves.toBeUndefined();
    expect(getPayMethods).toHaveBeenCalledWith(7);
  });

  it.each([
    ["no payment method", []],
    ["only an expired card", [{ ...CARD, expired: true }]],
  ])("refuses PAYMENT_METHOD_REQUIRED with %s", async (_, methods) => {
    getPayMethods.mockResolvedValue(methods);

    const error = await refusal(service.sut.requireUsable(7));
    expect(error.code).toBe("PAYMENT_METHOD_REQUIRED");
  });
});
