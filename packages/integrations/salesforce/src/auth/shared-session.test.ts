import { describe, expect, it } from "vitest";
import { SharedSession } from "./shared-session.js";

/** A sign-in that hands out numbered sessions and can be told to fail. */
function counter() {
  const state = { calls: 0, fail: false };
  const signIn = async () => {
    state.calls += 1;
    if (state.fail) throw new Error("sign-in failed");
    return { n: state.calls };
  };
  return { state, session: new SharedSession(signIn) };
}

describe("SharedSession", () => {
  it("signs in once for concurrent callers and reuses the session", async () => {
    const { state, session } = counter();
    const [a, b] = await Promise.all([session.get(), session.get()]);
    expect(a).toBe(b);
    expect(await session.get()).toBe(a);
    expect(state.calls).toBe(1);
  });

  it("renews a stale session once, even for concurrent renewals", async () => {
    const { state, session } = counter();
    const first = await session.get();
    const [a, b] = await Promise.all([session.renew(first), session.renew(first)]);
    expect(a).toBe(b);
    expect(a).not.toBe(first);
    expect(await session.renew(first)).toBe(a);
    expect(state.calls).toBe(2);
  });

  it("forgets a failed sign-in so the next call tries again", async () => {
    const { state, session } = counter();
    state.fail = true;
    await expect(session.get()).rejects.toThrow("sign-in failed");
    state.fail = false;
    await expect(session.get()).resolves.toEqual({ n: 2 });
  });
});
