// @vitest-environment jsdom
import { act, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  SLOW_LOADING_AFTER_MS,
  SlowLoadingNotice,
} from "@/components/feedback/slow-loading-notice";
import { renderInPortal } from "@/test/render-in-portal";

describe("SlowLoadingNotice", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("says nothing for the first 3 s of a load", () => {
    renderInPortal(<SlowLoadingNotice />, { locale: "en" });
    act(() => {
      vi.advanceTimersByTime(SLOW_LOADING_AFTER_MS - 1);
    });
    expect(screen.queryByText("This is taking longer than usual")).toBeNull();
  });

  it.each([
    ["en", "This is taking longer than usual"],
    ["ja", "通常より時間がかかっています"],
  ] as const)("then says, in %s, that it is taking longer than usual", (locale, text) => {
    renderInPortal(<SlowLoadingNotice />, { locale });
    act(() => {
      vi.advanceTimersByTime(SLOW_LOADING_AFTER_MS);
    });
    expect(screen.getByRole("status").textContent).toContain(text);
  });
});
