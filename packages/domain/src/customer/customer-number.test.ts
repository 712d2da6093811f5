import { describe, expect, it } from "vitest";
import { customerNumberSchema } from "./customer-number.js";

describe("customerNumberSchema", () => {
  it.each([
    ["100002", "100002"],
    [" 100002 ", "100002"],
    ["１０００２", null],
    ["１０００００２", "1000002"],
    ["１００００２", "100002"],
    ["\u3000１００００２\u3000", "100002"],
  ])("reads %j as %j", (input, expected) => {
    const result = customerNumberSchema.safeParse(input);
    expect(result.success ? result.data : null).toBe(expected);
  });

  it.each(["", "12345", "12345678901", "10000A", "100-002"])("rejects %j", (input) => {
    expect(customerNumberSchema.safeParse(input).success).toBe(false);
  });
});
