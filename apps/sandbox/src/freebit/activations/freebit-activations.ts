import type { Clock } from "../../server/clock.js";
import type { VersionedStore } from "../../state/versioned-store.js";
import type { FreebitActivationRecord, FreebitState } from "../state/freebit-state.js";

/** What settling an activation by hand found. */
export type SettleOutcome =
  | { kind: "settled"; activation: FreebitActivationRecord }
  | { kind: "not-processing"; activation: FreebitActivationRecord }
  | { kind: "not-found" };

/**
 * The asynchronous half of activation [A]: an accepted request is `processing` and its line
 * `pending`; it completes on its own `delayMs` after acceptance (0: at once, for benchmarks; null:
 * never, only by hand), or is completed or failed by hand from the console or the control API.
 * Completion makes the line `active` from that day; failure removes the pending line, as the
 * real platform never activated it. Due activations are settled lazily, whenever the stand-in
 * is called or shown, so no timer outlives a restart.
 */
export class FreebitActivations {
  constructor(
    private readonly store: VersionedStore<FreebitState>,
    private readonly clock: Clock,
    /** Current completion delay in ms, or null for "by hand only". */
    public delayMs: number | null,
  ) {}

  /** When an activation accepted now settles on its own (ISO 8601), or null. */
  settlesAt(acceptedAt: Date): string | null {
    return this.delayMs === null
      ? null
      : new Date(acceptedAt.getTime() + this.delayMs).toISOString();
  }

  /** Completes every processing activation whose `settlesAt` has passed. */
  async settleDue(): Promise<void> {
    const now = this.clock().toISOString();
    const due = this.store.state.activations.filter(
      (activation) =>
        activation.state === "processing" &&
        activation.settlesAt !== null &&
        activation.settlesAt <= now,
    );
    if (due.length === 0) return;
    await this.store.mutate((state) => {
      for (const activation of due) settle(state, activation.requestKey, "completed", null, now);
    });
  }

  /** Completes (`errorCode` null) or fails a processing activation by hand. */
  async settle(requestKey: string, errorCode: string | null): Promise<SettleOutcome> {
    const activation = this.store.state.activations.find(
      (candidate) => candidate.requestKey === requestKey,
    );
    if (!activation) return { kind: "not-found" };
    if (activation.state !== "processing") return { kind: "not-processing", activation };
    const now = this.clock().toISOString();
    const settled = await this.store.mutate((state) =>
      settle(state, requestKey, errorCode === null ? "completed" : "failed", errorCode, now),
    );
    return { kind: "settled", activation: settled };
  }
}

/** Settles one activation in `state` and its line; returns the activation. */
function settle(
  state: FreebitState,
  requestKey: string,
  outcome: "completed" | "failed",
  errorCode: string | null,
  now: string,
): FreebitActivationRecord {
  const activation = state.activations.find((candidate) => candidate.requestKey === requestKey);
  if (!activation) throw new Error(`No activation ${requestKey}`);
  activation.state = outcome;
  activation.errorCode = errorCode;
  activation.completedAt = now;
  if (outcome === "completed") {
    const line = state.lines.find((candidate) => candidate.account === activation.account);
    if (line) {
      line.state = "active";
      line.startDate = now.slice(0, 10).replaceAll("-", "");
    }
  } else {
    state.lines = state.lines.filter((line) => line.account !== activation.account);
  }
  return activation;
}
