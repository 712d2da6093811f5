import { describe, expect, it } from "vitest";
import { type AppConfig } from "../config/config.schema.js";
import { TotpSecretBox } from "./totp-secret-box.js";
import { RecoveryCodes } from "./recovery-codes.js";

function config(
  secret: string,
  totpKeys: { id: string; secret: string }[] | null = null,
): AppConfig {
  return { auth: { jwtAccessSecret: secret, totpKeys } } as AppConfig;
}

const USER = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
const OTHER_USER = "0f8fad5b-d9cb-469f-a165-70867728950e";

describe("TotpSecretBox", () => {
  const box = new TotpSecretBox(config("a".repeat(32)));

  it("opens what it sealed, and seals the same secret differently each time", () => {
    const sealed = box.seal("JBSWY3DPEHPK3PXP", USER);
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(box.open(sealed, USER)).toBe("JBSWY3DPEHPK3PXP");
    expect(box.seal("JBSWY3DPEHPK3PXP", USER)).not.toBe(sealed);
  });

  it("refuses another user's row, another key, and a tampered ciphertext", () => {
    const sealed = box.seal("JBSWY3DPEHPK3PXP", USER);
    expect(() => box.open(sealed, OTHER_USER)).toThrow();
    expect(() => new TotpSecretBox(config("b".repeat(32))).open(sealed, USER)).toThrow();
    const parts = sealed.split(".");
    const ciphertext = Buffer.from(parts[4] ?? "", "base64url");
    ciphertext[0] = (ciphertext[0] ?? 0) ^ 1;
    parts[4] = ciphertext.toString("base64url");
    expect(() => box.open(parts.join("."), USER)).toThrow();
  });

  const K1 = { id: "k1", secret: "1".repeat(16) + "x".repeat(16) };
  const K2 = { id: "k2", secret: "2".repeat(16) + "y".repeat(16) };

  it("seals with the first TOTP_ENCRYPTION_KEY, independent of JWT_ACCESS_SECRET", () => {
    const sealed = new TotpSecretBox(config("a".repeat(32), [K1])).seal("JBSWY3DPEHPK3PXP", USER);

    expect(sealed.startsWith("v2.k1.")).toBe(true);
    // JWT_ACCESS_SECRET rotated: the authenticator still opens.
    expect(new TotpSecretBox(config("b".repeat(32), [K1])).open(sealed, USER)).toBe(
      "JBSWY3DPEHPK3PXP",
    );
  });

  it("rotates: a new first key seals, the old one listed still opens, an unlisted one is refused", () => {
    const old = new TotpSecretBox(config("a".repeat(32), [K1])).seal("JBSWY3DPEHPK3PXP", USER);
    const rotated = new TotpSecretBox(config("a".repeat(32), [K2, K1]));

    expect(rotated.seal("JBSWY3DPEHPK3PXP", USER).startsWith("v2.k2.")).toBe(true);
    expect(rotated.open(old, USER)).toBe("JBSWY3DPEHPK3PXP");
    expect(() => new TotpSecretBox(config("a".repeat(32), [K2])).open(old, USER)).toThrow(
      /TOTP key "k1"/,
    );
  });

  it("opens secrets sealed before TOTP_ENCRYPTION_KEY existed (v1, key from JWT_ACCESS_SECRET)", () => {
    const sealed = box.seal("JBSWY3DPEHPK3PXP", USER);
    const [, , iv, tag, ciphertext] = sealed.split(".");
    const legacy = ["v1", iv, tag, ciphertext].join(".");

    expect(new TotpSecretBox(config("a".repeat(32), [K1])).open(legacy, USER)).toBe(
      "JBSWY3DPEHPK3PXP",
    );
  });
});

describe("RecoveryCodes", () => {
  const codes = new RecoveryCodes(config("a".repeat(32)));

  it("makes ten distinct xxxxx-xxxxx codes", () => {
    const made = codes.generate();
    expect(made).toHaveLength(10);
    expect(new Set(made).size).toBe(10);
    for (const code of made) {
      expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    }
  });

  it("hashes a code the same whether typed with or without the hyphen or in capitals", () => {
    const [code = ""] = codes.generate();
    const hash = codes.hash(code);
    expect(codes.hash(code.replace("-", ""))).toBe(hash);
    expect(codes.hash(code.toUpperCase())).toBe(hash);
    expect(hash).not.toContain(code.replace("-", ""));
  });
});
