import { type FreebitClientConfig } from "./core/config.js";
import { FreebitCore } from "./core/freebit-core.js";
import { FreebitActivations } from "./resources/activations.js";
import { FreebitLines } from "./resources/lines.js";

/**
 * Typed client of Freebit's MVNO API for the portal: one core (authKey session, throttle, read
 * retry, error translation) and a facade per resource — `lines`, `activations`. Throws only
 * `FreebitError` (an `UpstreamError`). Paths and codes: `contract.ts`, marked documented or
 * assumed. Source: vendor-facts §5; DESIGN.md §2, §4.
 */
export class FreebitClient {
  /** Mobile lines: detail by number. */
  readonly lines: FreebitLines;
  /** SIM activation (physical, eSIM, MNP) and its asynchronous completion. */
  readonly activations: FreebitActivations;

  constructor(config: FreebitClientConfig) {
    const core = new FreebitCore(config);
    this.lines = new FreebitLines(core);
    this.activations = new FreebitActivations(core);
  }
}
