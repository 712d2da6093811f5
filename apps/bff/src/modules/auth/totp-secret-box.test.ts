import { describe, expect, it } from "vitest";
import { type AppConfig } from "../config/config.schema.js";
import { TotpSecretBox } from "./totp-secret-box.js";
import { RecoveryCodes } from "./recovery-codes.js";

function config(secret: string): AppConfig {
  return { auth: { jwtAccessSecret: secret } } as AppConfig;
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
    const ciphertext = Buffer.from(parts[3] ?? "", "base64url");
    ciphertext[0] = (ciphertext[0] ?? 0) ^ 1;
    parts[3] = ciphertext.toString("base64url");
    expect(() => box.open(parts.join("."), USER)).toThrow();
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
