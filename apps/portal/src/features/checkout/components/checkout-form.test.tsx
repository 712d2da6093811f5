// @vitest-environment jsdom
import { type CatalogItem, type OrderDetail, type PlaceOrderRequest } from "@portal/domain";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { accountKeys } from "@/features/account/api/account-keys";
import { paymentMethodKeys } from "@/features/billing/api/payment-method-keys";
import { CheckoutForm } from "@/features/checkout/components/checkout-form";
import { ApiClientError } from "@/lib/api/api-client-error";
import { orderDetail, paymentMethods, simCatalog } from "@/test/order-fixtures";
import { renderInPortal } from "@/test/render-in-portal";

const router = vi.hoisted(() => ({ push: vi.fn() }));
vi.mock("next/navigation", () => ({ useRouter: () => router }));

const api = vi.hoisted(() => ({
  placeOrder:
    vi.fn<(call: { order: PlaceOrderRequest; idempotencyKey: string }) => Promise<OrderDetail>>(),
}));
vi.mock("@/features/orders/api/orders-api", () => api);

const voicePlan = simCatalog.plans.find((plan) => plan.simPlanType === "voice") as CatalogItem;

function refusal(status: number, code: ApiClientError["code"], fields = {}): ApiClientError {
  return new ApiClientError({
    status,
    code,
    message: code,
    fields,
    requestId: "req-1",
    retryAfterSeconds: null,
  });
}

function renderCheckout(hasCard: boolean) {
  return renderInPortal(
    <CheckoutForm plan={voicePlan} checkout={{ category: "sim", catalog: simCatalog }} />,
    {
      locale: "en",
      seed: (client) => {
        client.setQueryData(paymentMethodKeys.overview(), paymentMethods(hasCard));
        client.setQueryData(accountKeys.profile(), {
          id: "1",
          email: "demo@example.com",
          firstName: "Taro",
          lastName: "Yamada",
          lastNameKana: "ヤマダ",
          firstNameKana: "タロウ",
          phone: "090-1234-5678",
          customerNumber: "100001",
          address: {
            postcode: "100-0005",
            prefecture: "Tokyo",
            city: "Chiyoda-ku",
            street: "1-9-1 Marunouchi",
            building: "Portal Tower 12F",
            country: "JP",
          },
          createdAt: "2026-01-01T00:00:00.000Z",
        });
      },
    },
  );
}

/** Chooses an eSIM with a valid EID and ticks the terms box. */
function fillEsimOrder() {
  fireEvent.click(screen.getByRole("radio", { name: /eSIM/ }));
  fireEvent.change(screen.getByLabelText("EID of your device (32 digits)"), {
    target: { value: "89049032000100000000123456789012" },
  });
  fireEvent.click(screen.getByRole("checkbox", { name: /I agree to the terms/ }));
}

describe("CheckoutForm", () => {
  beforeEach(() => {
    api.placeOrder.mockReset();
    router.push.mockReset();
  });

  it("without a payment method, says so, links to the payments page and disables placing", () => {
    renderCheckout(false);
    const payment = screen.getByRole("region", { name: /Payment method/ });
    expect(within(payment).getByText("Add a payment method to order")).toBeDefined();
    expect(
      within(payment).getByRole("link", { name: "Add a payment method" }).getAttribute("href"),
    ).toBe("/billing/payments");
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Place order" }).disabled).toBe(
      true,
    );
  });

  it("sums every line with tax as quoteOrder does, following the SIM type chosen", () => {
    renderCheckout(true);
    const summary = screen.getByRole("region", { name: /Summary/ });
    // Physical SIM: contract fee 3,000 + card 394 = 3,394, tax 339, 3,733 incl.; plan 860 → 946.
    expect(summary.textContent).toContain("¥3,733");
    expect(summary.textContent).toContain("¥946");
    fireEvent.click(screen.getByRole("radio", { name: /eSIM/ }));
    // eSIM: 3,000 + 200 = 3,200 → 3,520 incl.
    expect(summary.textContent).toContain("¥3,520");
  });

  it("asks for the terms and a valid EID before sending anything", async () => {
    renderCheckout(true);
    fireEvent.click(screen.getByRole("radio", { name: /eSIM/ }));
    fireEvent.click(screen.getByRole("button", { name: "Place order" }));
    expect(await screen.findByText("Enter the 32-digit EID of your device")).toBeDefined();
    expect(screen.getByText("Please agree to the terms to place the order")).toBeDefined();
    expect(api.placeOrder).not.toHaveBeenCalled();
  });

  it("keeps the form after an upstream failure and sends the same Idempotency-Key again, then opens the order", async () => {
    renderCheckout(true);
    fillEsimOrder();
    api.placeOrder.mockRejectedValueOnce(refusal(503, "UPSTREAM_UNAVAILABLE"));
    api.placeOrder.mockResolvedValueOnce(orderDetail());

    fireEvent.click(screen.getByRole("button", { name: "Place order" }));
    expect(await screen.findByText(/could not be confirmed/)).toBeDefined();
    expect(screen.getByLabelText<HTMLInputElement>("EID of your device (32 digits)").value).toBe(
      "89049032000100000000123456789012",
    );

    fireEvent.click(screen.getByRole("button", { name: "Place order" }));
    await waitFor(() =>
      expect(router.push).toHaveBeenCalledWith("/orders/801TEST00000001?placed=1"),
    );
    const [first, second] = api.placeOrder.mock.calls.map(([call]) => call);
    expect(second?.idempotencyKey).toBe(first?.idempotencyKey);
    expect(first?.order).toMatchObject({
      category: "sim",
      simType: "esim",
      eid: "89049032000100000000123456789012",
      expectedTotals: { oneTime: { taxIncluded: { amount: 3_520 } } },
    });
  });

  it("shows a refusal at its section: no payment method at the payment method", async () => {
    renderCheckout(true);
    fillEsimOrder();
    api.placeOrder.mockRejectedValueOnce(refusal(409, "PAYMENT_METHOD_REQUIRED"));
    fireEvent.click(screen.getByRole("button", { name: "Place order" }));
    const payment = screen.getByRole("region", { name: /Payment method/ });
    expect(await within(payment).findByText(/An order needs a payment method/)).toBeDefined();
  });

  it("shows a refused EID at the EID field", async () => {
    renderCheckout(true);
    fillEsimOrder();
    api.placeOrder.mockRejectedValueOnce(refusal(400, "VALIDATION_FAILED", { eid: "bad" }));
    fireEvent.click(screen.getByRole("button", { name: "Place order" }));
    await waitFor(() =>
      expect(
        screen.getByLabelText("EID of your device (32 digits)").getAttribute("aria-invalid"),
      ).toBe("true"),
    );
  });

  it("shows a missing address at the address, not as a general failure", async () => {
    renderCheckout(true);
    fillEsimOrder();
    api.placeOrder.mockRejectedValueOnce(refusal(400, "VALIDATION_FAILED", { address: "none" }));
    fireEvent.click(screen.getByRole("button", { name: "Place order" }));
    const address = screen.getByRole("region", { name: /Delivery address/ });
    expect(await within(address).findByText(/couldn’t find your address on file/)).toBeDefined();
    expect(screen.queryByText(/could not be confirmed/)).toBeNull();
  });

  it("shows voice options and a kept number the plan no longer allows at the options and the SIM", async () => {
    renderCheckout(true);
    fillEsimOrder();
    api.placeOrder.mockRejectedValueOnce(
      refusal(400, "VALIDATION_FAILED", { voiceOptionIds: "voice", mnp: "voice" }),
    );
    fireEvent.click(screen.getByRole("button", { name: "Place order" }));
    for (const name of [/Options/, /SIM/]) {
      const section = screen.getByRole("region", { name });
      expect(await within(section).findByText(/This plan no longer includes calls/)).toBeDefined();
    }
  });
});
