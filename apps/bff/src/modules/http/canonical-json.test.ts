import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json.js";

describe("canonicalJson", () => {
  it("writes equal content alike whatever the key order, at every depth", () => {
    const a = { b: 1, a: { y: [{ q: 1, p: 2 }], x: "s" } };
    const b = { a: { x: "s", y: [{ p: 2, q: 1 }] }, b: 1 };

    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"x":"s","y":[{"p":2,"q":1}]},"b":1}');
  });

  it("keeps array order and tells different content apart", () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: "1" }));
    expect(canonicalJson(undefined)).toBe("null");
  });
});
