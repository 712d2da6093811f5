import type { UpstreamSystem } from "../stand-ins/upstream-system.js";
import { FAULT_DIALECTS } from "./fault-dialects.js";
import type { ActiveFault, FaultSpec } from "./fault.js";

/** The active faults, in the order they were added. In memory: a restart clears them. */
export class FaultRegistry {
  private faults: ActiveFault[] = [];
  private sequence = 0;

  /** Activates a fault and returns it with its id (`flt_1`, `flt_2`, …). */
  add(spec: FaultSpec): ActiveFault {
    this.sequence += 1;
    const fault: ActiveFault = {
      ...spec,
      id: `flt_${this.sequence}`,
      remaining: spec.times ?? null,
      skipsLeft: spec.skip ?? 0,
    };
    this.faults.push(fault);
    return fault;
  }

  list(): readonly ActiveFault[] {
    return this.faults;
  }

  clear(): void {
    this.faults = [];
  }

  /**
   * The first fault that applies to a call, counting the call against its `times` (and removing
   * it once used up); while that fault still has calls to `skip`, the call passes untouched. `subject` is the WHMCS action name or the Salesforce request path.
   */
  take(system: UpstreamSystem, subject: string): ActiveFault | undefined {
    const fault = this.faults.find(
      (candidate) =>
        candidate.system === system &&
        (candidate.match === undefined || FAULT_DIALECTS[system].matches(candidate.match, subject)),
    );
    if (!fault) return undefined;
    if (fault.skipsLeft > 0) {
      fault.skipsLeft -= 1;
      return undefined;
    }
    if (fault.remaining !== null) {
      fault.remaining -= 1;
      if (fault.remaining <= 0)
        this.faults = this.faults.filter((candidate) => candidate !== fault);
    }
    return fault;
  }
}
