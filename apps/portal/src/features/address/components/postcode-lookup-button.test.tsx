// @vitest-environment jsdom
import { type PostcodeAddress } from "@portal/domain";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PostcodeLookupButton } from "@/features/address/components/postcode-lookup-button";
import { renderInPortal } from "@/test/render-in-portal";

const SHIBUYA: PostcodeAddress = {
  prefecture: "Tokyo",
  prefectureName: "東京都",
  city: "渋谷区",
  town: "神宮前",
};

function answer(status: number, body: unknown): void {
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => Response.json(body, { status })),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("PostcodeLookupButton", () => {
  it("hands the first address over and announces it, in Japanese", async () => {
    answer(200, { postcode: "150-0001", addresses: [SHIBUYA] });
    const onFound = vi.fn();
    renderInPortal(<PostcodeLookupButton postcode={() => "１５００００１"} onFound={onFound} />);

    fireEvent.click(screen.getByRole("button", { name: "住所を検索" }));

    await waitFor(() => expect(onFound).toHaveBeenCalledWith(SHIBUYA));
    expect(screen.getByRole("status").textContent).toContain("東京都渋谷区神宮前");
    const [url] = vi.mocked(fetch).mock.calls[0] ?? [];
    expect(String(url)).toContain(`postcode=${encodeURIComponent("１５００００１")}`);
  });

  it("says so in English when the postcode is unknown", async () => {
    answer(404, {
      error: { code: "NOT_FOUND", message: "No address", requestId: "r1" },
    });
    const onFound = vi.fn();
    renderInPortal(<PostcodeLookupButton postcode={() => "0000001"} onFound={onFound} />, {
      locale: "en",
    });

    fireEvent.click(screen.getByRole("button", { name: "Find address" }));

    await waitFor(() =>
      expect(screen.getByRole("status").textContent).toBe(
        "No address has this postcode. Please type the address.",
      ),
    );
    expect(onFound).not.toHaveBeenCalled();
  });
});
