/**
 * Where the Salesforce event subscriber hands an approved Order over to fulfilment (DESIGN.md §6
 * step 3; issue-8 contract §2). The subscriber stores a topic's replay id only after `request`
 * resolved, so an Order is never lost between the event and the durable job; the fulfilment side
 * makes a repeated request harmless (events are delivered at least once). Nest DI token: this class.
 */
export abstract class OrderFulfilmentRequests {
  /** Durably enqueues the fulfilment of Salesforce Order `orderId` (18-char Id); resolves once
   * stored (a later call for the same Order while one is queued or running is a no-op). */
  abstract request(orderId: string): Promise<void>;
}
