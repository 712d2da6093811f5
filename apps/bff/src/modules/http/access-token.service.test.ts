import { afterEach, describe, expect, it, vi } from "vitest";
import { MINIMAL_ENV } from "../../../test/support/minimal-env.js";
import { envSchema } from "../config/config.schema.js";
import { ACCESS_TOKEN_TTL_SECONDS, AccessTokenService } from "./access-token.service.js";

const user = {
  id: "7d1d5e0e-4a0c-4c3a-9b1e-2f0a6c1d9e11",
  sessionId: "0b6f1c2a-3d4e-4f50-8a1b-9c2d3e4f5a6b",
};

function service(): AccessTokenService {
  return new AccessTokenService(envSchema.parse(MINIMAL_ENV));
}

afterEach(() => {
  vi.useRealTimers();
});

describe("AccessTokenService", () => {
  it("verifies its own token, again from memory, and refuses a forged one", async () => {
    const tokens = service();
    const { token } = await tokens.issue(user, new Date());

    expect(await tokens.verify(token)).toEqual(user);
    expect(await tokens.verify(token)).toEqual(user);
    const [header, payload] = token.split(".");
    expect(await tokens.verify(`${header}.${payload}.forged-signature`)).toBeNull();
  });

  it("stops accepting a remembered token once it expires", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const issuedAt = new Date("2026-12-01T10:00:00Z");
    vi.setSystemTime(issuedAt);
    const tokens = service();
    const { token } = await tokens.issue(user, issuedAt);
    expect(await tokens.verify(token)).toEqual(user);

    vi.setSystemTime(issuedAt.getTime() + (ACCESS_TOKEN_TTL_SECONDS + 1) * 1000);

    expect(await tokens.verify(token)).toBeNull();
    expect(await tokens.sessionOf(token)).toEqual(user);
  });

  it("tells when a token it accepts expires, and nothing for one it refuses", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const issuedAt = new Date("2026-12-01T10:00:00Z");
    vi.setSystemTime(issuedAt);
    const tokens = service();
    const { token, expiresAt } = await tokens.issue(user, issuedAt);

    expect(await tokens.expiryOf(token)).toEqual(expiresAt);
    expect(await tokens.expiryOf("not-a-token")).toBeNull();
    vi.setSystemTime(expiresAt.getTime() + 1000);
    expect(await tokens.expiryOf(token)).toBeNull();
  });
});
