import { describe, expect, it } from "vitest";
import { toValidatedClientId } from "../../src/mappers/validated-login.js";
import { validateLoginResponseSchema } from "../../src/raw/validate-login.js";
import { fixture } from "../fixtures/fixture.js";

describe("toValidatedClientId", () => {
  it("reads the client id of the reference's example (all values strings)", () => {
    const raw = validateLoginResponseSchema.parse(fixture("validatelogin"));
    expect(raw).toMatchObject({ userid: 1, twoFactorEnabled: "false" });
    expect(toValidatedClientId(raw)).toBe(1);
  });

  it("accepts the types of the reference's parameter table (int and bool)", () => {
    const raw = validateLoginResponseSchema.parse({
      ...fixture("validatelogin"),
      userid: 7,
      contactid: 0,
      twoFactorEnabled: true,
    });
    expect(toValidatedClientId(raw)).toBe(7);
  });

  it("refuses a sub-account's credentials", () => {
    const raw = validateLoginResponseSchema.parse({ ...fixture("validatelogin"), contactid: "3" });
    expect(toValidatedClientId(raw)).toBeNull();
  });
});
