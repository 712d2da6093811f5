/** Another process holds the lease on this run until `claimedUntil` (ISO 8601 UTC). */
export class WorkflowBusyError extends Error {
  constructor(
    readonly workflow: string,
    readonly businessId: string,
    readonly claimedUntil: Date | null,
  ) {
    super(`Workflow ${workflow} run ${businessId} is being worked on elsewhere`);
    this.name = "WorkflowBusyError";
  }
}
