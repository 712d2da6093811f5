// @vitest-environment jsdom
import { type CustomerProfile, type Eligibility } from "@portal/domain";
import { type QueryClient } from "@tanstack/react-query";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { accountKeys } from "@/features/account/api/account-keys";
import { eligibilityKeys } from "@/features/eligibility/api/eligibility-keys";
import { InternetEligibilityPanel } from "@/features/eligibility/components/internet-eligibility-panel";
import { ApiClientError } from "@/lib/api/api-client-error";
import { renderInPortal } from "@/test/render-in-portal";

const api = vi.hoisted(() => ({ requestEligibility: vi.fn(), fetchEligibility: vi.fn() }));
vi.mock("@/features/eligibility/api/eligibility-api", () => api);

const address = {
  postcode: "530-0001",
  prefecture: "Osaka" as const,
  city: "大阪市北区",
  street: "梅田1-2-3",
  building: "梅田タワー1201",
  country: "JP" as const,
};

const profile: CustomerProfile = {
  id: "00000000-0000-4000-8000-000000000002",
  email: "hanako.suzuki@example.jp",
  firstName: "花子",
  lastName: "鈴木",
  lastNameKana: "スズキ",
  firstNameKana: "ハナコ",
  phone: "080-3456-7890",
  customerNumber: "100002",
  address,
  createdAt: "2026-11-01T00:00:00.000Z",
};

const notRequested: Eligibility = {
  status: "not_requested",
  offeringType: null,
  requestedAddress: null,
  requestedAt: null,
};

function seedWith(eligibility: Eligibility) {
  return (queryClient: QueryClient) => {
    queryClient.setQueryData(accountKeys.profile(), profile);
    queryClient.setQueryData(eligibilityKeys.current(), eligibility);
  };
}

describe("InternetEligibilityPanel", () => {
  beforeEach(() => {
    api.requestEligibility.mockReset();
  });

  it("asks for the address on file, editable, and shows the check as pending once asked", async () => {
    api.requestEligibility.mockResolvedValue({
      status: "pending",
      offeringType: null,
      requestedAddress: { ...address, building: "" },
      requestedAt: "2026-12-01T03:00:00.000Z",
    });
    renderInPortal(<InternetEligibilityPanel />, { seed: seedWith(notRequested) });

    expect(screen.getByText("未確認")).toBeDefined();
    expect((screen.getByLabelText("郵便番号") as HTMLInputElement).value).toBe("530-0001");
    fireEvent.change(screen.getByLabelText("建物名・部屋番号"), { target: { value: "" } });
    fireEvent.click(screen.getByRole("button", { name: "提供可否の確認を依頼する" }));

    expect(await screen.findByText(/通常3営業日以内/)).toBeDefined();
    expect(api.requestEligibility.mock.calls[0]?.[0]).toEqual({
      address: { ...address, building: "" },
    });
    expect(screen.getByText("確認中")).toBeDefined();
    expect(screen.queryByRole("button", { name: "提供可否の確認を依頼する" })).toBeNull();
  });

  it("puts the BFF's field error on its field and refuses a bad postcode before sending", async () => {
    api.requestEligibility.mockRejectedValue(
      new ApiClientError({
        status: 400,
        code: "VALIDATION_FAILED",
        message: "Invalid request",
        fields: { "address.city": "Enter the city or ward" },
        requestId: null,
        retryAfterSeconds: null,
      }),
    );
    renderInPortal(<InternetEligibilityPanel />, {
      seed: seedWith(notRequested),
      locale: "en",
    });

    fireEvent.change(screen.getByLabelText("Postcode"), { target: { value: "53-01" } });
    fireEvent.click(screen.getByRole("button", { name: "Ask us to check this address" }));
    expect(await screen.findByText("Enter a 7-digit postcode such as 150-0001")).toBeDefined();
    expect(api.requestEligibility).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText("Postcode"), { target: { value: "5300001" } });
    fireEvent.click(screen.getByRole("button", { name: "Ask us to check this address" }));
    await waitFor(() => expect(api.requestEligibility).toHaveBeenCalledTimes(1));
    expect(await screen.findByText("Check this field.")).toBeDefined();
    expect(screen.getByLabelText("City / ward").getAttribute("aria-invalid")).toBe("true");
  });

  it("says so when the address is already being checked", async () => {
    api.requestEligibility.mockRejectedValue(
      new ApiClientError({
        status: 409,
        code: "ELIGIBILITY_ALREADY_REQUESTED",
        message: "We are already checking this address.",
        fields: {},
        requestId: null,
        retryAfterSeconds: null,
      }),
    );
    renderInPortal(<InternetEligibilityPanel />, { seed: seedWith(notRequested), locale: "en" });

    fireEvent.click(screen.getByRole("button", { name: "Ask us to check this address" }));

    expect(
      await screen.findByText(
        "This address is already being checked, or already known to be available.",
      ),
    ).toBeDefined();
  });

  it("shows the offering type of an eligible address, and lets another address be asked", () => {
    renderInPortal(<InternetEligibilityPanel />, {
      seed: seedWith({
        status: "eligible",
        offeringType: "mansion_1g",
        requestedAddress: address,
        requestedAt: "2026-12-01T03:00:00.000Z",
      }),
      locale: "en",
    });

    expect(screen.getByText("Available")).toBeDefined();
    expect(
      screen.getByText("You can order \u201cApartment 1G\u201d plans at your address."),
    ).toBeDefined();
    expect(screen.queryByLabelText("Postcode")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Check another address" }));
    expect(screen.getByLabelText("Postcode")).toBeDefined();
  });

  it("closes the form once another address is asked", async () => {
    api.requestEligibility.mockResolvedValue({
      status: "pending",
      offeringType: null,
      requestedAddress: address,
      requestedAt: "2026-12-02T03:00:00.000Z",
    });
    renderInPortal(<InternetEligibilityPanel />, {
      seed: seedWith({ ...notRequested, status: "ineligible" }),
      locale: "en",
    });

    fireEvent.click(screen.getByRole("button", { name: "Check another address" }));
    fireEvent.click(screen.getByRole("button", { name: "Ask us to check this address" }));

    expect(await screen.findByText("Checking")).toBeDefined();
    expect(screen.queryByLabelText("Postcode")).toBeNull();
    expect(screen.getByRole("button", { name: "Check another address" })).toBeDefined();
  });

  it("explains an ineligible address and how to reach support", () => {
    renderInPortal(<InternetEligibilityPanel />, {
      seed: seedWith({ ...notRequested, status: "ineligible" }),
    });

    expect(screen.getByText("提供エリア外")).toBeDefined();
    expect(screen.getByText(/現在、光回線をご提供できません/)).toBeDefined();
    expect(screen.getByText("お困りのときは")).toBeDefined();
  });
});
