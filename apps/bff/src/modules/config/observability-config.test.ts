import { describe, expect, it } from "vitest";
import { MINIMAL_ENV } from "../../../test/support/minimal-env.js";
import { ConfigError } from "./config-error.js";
import { parseConfig } from "./parse-config.js";

describe("parseConfig: metrics and response validation", () => {
  it("has no metrics token and no response validation unless set", () => {
    const config = parseConfig(MINIMAL_ENV);

    expect(config.metrics).toEqual({ token: null });
    expect(config.validateResponses).toBe(false);
  });

  it("reads METRICS_TOKEN and VALIDATE_RESPONSES", () => {
    const token = "a-scrape-token-of-at-least-32-characters";
    const config = parseConfig({
      ...MINIMAL_ENV,
      METRICS_TOKEN: token,
      VALIDATE_RESPONSES: "true",
    });

    expect(config.metrics.token).toBe(token);
    expect(config.validateResponses).toBe(true);
  });

  it("refuses a short METRICS_TOKEN, naming it", () => {
    expect(() => parseConfig({ ...MINIMAL_ENV, METRICS_TOKEN: "short" })).toThrow(ConfigError);
    expect(() => parseConfig({ ...MINIMAL_ENV, METRICS_TOKEN: "short" })).toThrow(
      /METRICS_TOKEN must be at least 32 characters/,
    );
  });
});
