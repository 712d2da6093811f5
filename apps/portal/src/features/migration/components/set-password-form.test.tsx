// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { SetPasswordForm } from "@/features/migration/components/set-password-form";
import { ApiClientError } from "@/lib/api/api-client-error";
import { renderInPortal } from "@/test/render-in-portal";

const api = vi.hoisted(() => ({ completeMigration: vi.fn() }));
vi.mock("@/features/migration/api/migration-api", () => api);
const router = vi.hoisted(() => ({ replace: vi.fn(), push: vi.fn() }));
vi.mock("next/navigation", () => ({ useRouter: () => router }));

function fill(label: RegExp | string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe("SetPasswordForm", () => {
  beforeEach(() => {
    api.completeMigration.mockReset();
    router.replace.mockReset();
    sessionStorage.clear();
  });

  it("says in Japanese when the two passwords differ, and sends nothing", async () => {
    renderInPortal(<SetPasswordForm />);
    fill("新しいパスワード", "Portal2026!new");
    fill("新しいパスワード（確認）", "Portal2026!other");
    fireEvent.click(screen.getByRole("button", { name: "設定してログイン" }));

    expect(await screen.findByText("パスワードが一致しません")).toBeDefined();
    expect(api.completeMigration).not.toHaveBeenCalled();
  });

  it("shows the policy as a hint and the login email the migrate step answered", () => {
    sessionStorage.setItem("portal.migration.email", "yuki.kobayashi@example.com");
    renderInPortal(<SetPasswordForm />, { locale: "en" });

    const field = screen.getByLabelText("New password");
    expect(field.getAttribute("aria-describedby")).toBeTruthy();
    expect(screen.getByText(/At least 10 characters/)).toBeDefined();
    expect(screen.getByText(/as yuki\.kobayashi@example\.com/)).toBeDefined();
  });

  it("sends only the password and goes to the dashboard", async () => {
    api.completeMigration.mockResolvedValue({});
    renderInPortal(<SetPasswordForm />, { locale: "en" });
    fill("New password", "Portal2026!new");
    fill("Confirm new password", "Portal2026!new");
    fireEvent.click(screen.getByRole("button", { name: "Set password and sign in" }));

    await waitFor(() => expect(router.replace).toHaveBeenCalledWith("/dashboard"));
    expect(api.completeMigration.mock.calls[0]?.[0]).toEqual({ password: "Portal2026!new" });
  });

  it("offers to start again when the ticket has expired or was used", async () => {
    api.completeMigration.mockRejectedValue(
      new ApiClientError({
        status: 401,
        code: "MIGRATION_TICKET_INVALID",
        message: "expired",
        fields: {},
        requestId: null,
        retryAfterSeconds: null,
      }),
    );
    renderInPortal(<SetPasswordForm />, { locale: "en" });
    fill("New password", "Portal2026!new");
    fill("Confirm new password", "Portal2026!new");
    fireEvent.click(screen.getByRole("button", { name: "Set password and sign in" }));

    const again = await screen.findByRole("link", { name: "Start again" });
    expect(again.getAttribute("href")).toBe("/auth/migrate");
    expect(screen.getByText(/expired or was already used/)).toBeDefined();
  });
});
