// @vitest-environment jsdom
import { type CustomerProfile } from "@portal/domain";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ProfileForm } from "@/features/account/components/profile-form";
import { renderInPortal } from "@/test/render-in-portal";

const api = vi.hoisted(() => ({ updateProfile: vi.fn() }));
vi.mock("@/features/account/api/account-mutations-api", () => api);

const current: CustomerProfile = {
  id: "00000000-0000-4000-8000-000000000001",
  email: "yuki.kobayashi@example.com",
  firstName: "由紀",
  lastName: "小林",
  lastNameKana: "コバヤシ",
  firstNameKana: "ユキ",
  phone: "092-123-4567",
  customerNumber: "100004",
  address: null,
  createdAt: "2026-11-01T00:00:00.000Z",
};

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe("ProfileForm", () => {
  beforeEach(() => {
    api.updateProfile.mockReset();
  });

  it("asks family name first, then the readings: 姓 / 名 / セイ / メイ", () => {
    renderInPortal(<ProfileForm current={current} onDone={() => undefined} />);

    const labels = screen.getAllByRole("textbox").map((input) => input.getAttribute("name"));
    expect(labels).toEqual(["lastName", "firstName", "lastNameKana", "firstNameKana", "phone"]);
    expect((screen.getByLabelText("セイ（フリガナ）") as HTMLInputElement).value).toBe("コバヤシ");
    expect((screen.getByLabelText("メイ（フリガナ）") as HTMLInputElement).value).toBe("ユキ");
  });

  it("sends a reading typed in hiragana as katakana", async () => {
    api.updateProfile.mockResolvedValue({ ...current, firstNameKana: "ユウキ" });
    const onDone = vi.fn();
    renderInPortal(<ProfileForm current={current} onDone={onDone} />, { locale: "en" });

    fill("First name in katakana", "ゆうき");
    fireEvent.click(screen.getByRole("button", { name: "Save details" }));

    await waitFor(() => expect(onDone).toHaveBeenCalledWith(true));
    expect(api.updateProfile.mock.calls[0]?.[0]).toMatchObject({ firstNameKana: "ユウキ" });
  });

  it("refuses a reading that is not katakana, in the page's language, and sends nothing", async () => {
    renderInPortal(<ProfileForm current={current} onDone={() => undefined} />);

    fill("セイ（フリガナ）", "小林");
    fireEvent.click(screen.getByRole("button", { name: "変更を保存" }));

    expect(await screen.findByText("セイはカタカナで入力してください（例：ヤマダ）")).toBeDefined();
    expect(api.updateProfile).not.toHaveBeenCalled();
  });
});
