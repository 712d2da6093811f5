import { Injectable, Logger } from "@nestjs/common";
import { OrderFulfilmentRequests } from "./order-fulfilment-requests.js";

// MERGE: replaced by `{ provide: OrderFulfilmentRequests, useExisting: FulfilmentService }` when
// the fulfilment branch lands (issue-8 contract §2); it only lets this branch's app start.
/** Logs each fulfilment request and resolves: nothing is enqueued until fulfilment lands. */
@Injectable()
export class LoggedFulfilmentRequests extends OrderFulfilmentRequests {
  private readonly logger = new Logger(LoggedFulfilmentRequests.name);

  request(orderId: string): Promise<void> {
    this.logger.warn({ orderId }, "Order fulfilment requested; no fulfilment is wired yet");
    return Promise.resolve();
  }
}
