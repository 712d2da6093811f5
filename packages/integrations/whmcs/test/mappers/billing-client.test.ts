import { describe, expect, it } from "vitest";
import { toAddress, toBillingClient } from "../../src/mappers/billing-client.js";
import { getClientsDetailsResponseSchema } from "../../src/raw/clients.js";
import { fixture } from "../fixtures/fixture.js";

/** The reference example's only custom field (id 1) as the family-name reading. */
const FIELDS = { lastNameKana: 1, firstNameKana: 2 };

/** GetClientsDetails `client` of a reference example, optionally changed. */
function clientDetails(name: string, patch: Record<string, unknown> = {}) {
  const body = fixture(name);
  return getClientsDetailsResponseSchema.parse({
    ...body,
    client: { ...(body.client as Record<string, unknown>), ...patch },
  }).client;
}

const TOKYO = {
  address1: "1-2-3 Shibuya",
  address2: "Portal Mansion 101",
  city: "Shibuya-ku",
  state: "Tokyo",
  postcode: "1500002",
  countrycode: "JP",
  country: "JP",
};

describe("toBillingClient", () => {
  it.each(["getclientsdetails", "getclientsdetails.v7"])(
    "maps the reference client of %s, whose British address is not a Japanese one",
    (name) => {
      expect(toBillingClient(clientDetails(name), FIELDS)).toEqual({
        id: 1,
        email: "test-client@example.com",
        firstName: "Test",
        lastName: "Client",
        lastNameKana: name === "getclientsdetails" ? "Custom Field Value" : "",
        firstNameKana: "",
        phone: "01234567890",
        address: null,
        currency: "USD",
        status: "active",
        portalCustomerNumber: null,
      });
    },
  );

  it("reads the customer number the portal noted at signup, and only that note", () => {
    const noted = (notes: string) =>
      toBillingClient(clientDetails("getclientsdetails", { notes }), FIELDS).portalCustomerNumber;
    expect(noted("Portal customer number: 100002")).toBe("100002");
    expect(noted("VIP\nPortal customer number: 100003\nCalled on Monday")).toBe("100003");
    expect(noted("Customer number 100002 mentioned in passing")).toBeNull();
    expect(noted("")).toBeNull();
  });

  it("reads back a Japanese address as the portal stores it", () => {
    const client = toBillingClient(
      clientDetails("getclientsdetails", { ...TOKYO, currency_code: "JPY" }),
      FIELDS,
    );
    expect(client.currency).toBe("JPY");
    expect(client.address).toEqual({
      postcode: "150-0002",
      prefecture: "Tokyo",
      city: "Shibuya-ku",
      street: "1-2-3 Shibuya",
      building: "Portal Mansion 101",
      country: "JP",
    });
  });

  it.each([
    ["Inactive", "inactive"],
    ["Closed", "closed"],
  ])("maps status %s", (status, expected) => {
    expect(toBillingClient(clientDetails("getclientsdetails", { status }), FIELDS).status).toBe(
      expected,
    );
  });

  it("refuses a currency that is not an ISO 4217 code", () => {
    expect(() =>
      toBillingClient(clientDetails("getclientsdetails", { currency_code: "" }), FIELDS),
    ).toThrow();
  });
});

describe("toAddress", () => {
  it.each([
    ["a foreign country", { countrycode: "GB" }],
    ["an unknown prefecture spelling", { state: "東京都" }],
    ["a malformed postcode", { postcode: "15000" }],
    ["an empty street", { address1: "" }],
  ])("is null for %s", (_label, patch) => {
    expect(toAddress({ ...TOKYO, ...patch })).toBeNull();
  });

  it("treats an empty address2 as no building", () => {
    expect(toAddress({ ...TOKYO, address2: "" })?.building).toBe("");
  });
});
