import { Injectable, Logger } from "@nestjs/common";
import { type ActivationStatus } from "@portal/domain";
import { SalesforceClient } from "@portal/salesforce";
import { CacheService } from "../cache/cache.service.js";
import { EventBus } from "../events/event-bus.js";
import { IdMappingsRepository } from "../identity/repositories/id-mappings.repository.js";
import { UsersRepository } from "../identity/repositories/users.repository.js";
import { MailService } from "../mail/mail.service.js";
import { ordersTags } from "../orders/orders.cached-reads.js";

/** Which Order moves on: its Id and number, its Account and (when known) WHMCS client. */
export interface FulfilmentSubject {
  orderId: string;
  orderNumber: string;
  sfAccountId: string;
  whmcsClientId: number | null;
}

/**
 * How fulfilment tells the world (DESIGN.md §6 steps 4–5): every status change is written to the
 * Salesforce Order, drops the Account's cached orders and publishes `FulfillmentProgressed` and
 * `OrderChanged {reason: "updated"}`; a finished step publishes `FulfillmentProgressed` alone; the
 * outcome (activated, failed) is e-mailed to the customer in their language, once per Order and
 * outcome while queued (the mail outbox's dedupe key), never failing the caller.
 */
@Injectable()
export class FulfilmentProgress {
  private readonly logger = new Logger(FulfilmentProgress.name);

  constructor(
    private readonly salesforce: SalesforceClient,
    private readonly cache: CacheService,
    private readonly events: EventBus,
    private readonly idMappings: IdMappingsRepository,
    private readonly users: UsersRepository,
    private readonly mail: MailService,
  ) {}

  /** The Order is being fulfilled: `Activating`, old error cleared. @throws SalesforceError */
  async activating(subject: FulfilmentSubject): Promise<void> {
    await this.salesforce.orders.recordActivation(subject.orderId, { status: "activating" });
    await this.changed(subject, "activating", null);
  }

  /** Step `step` finished (status stays `Activating`). */
  async stepFinished(subject: FulfilmentSubject, step: string): Promise<void> {
    await this.events.publish("FulfillmentProgressed", {
      ...this.identity(subject),
      activationStatus: "activating",
      step,
      error: null,
      at: new Date().toISOString(),
    });
  }

  /**
   * The Order is fulfilled: `Activated` (and Order `Status` Activated), then the customer's mail.
   * @throws SalesforceError
   */
  async activated(subject: FulfilmentSubject): Promise<void> {
    await this.salesforce.orders.recordActivation(subject.orderId, { status: "activated" });
    await this.changed(subject, "activated", null);
    await this.tellCustomer(subject, "order-activated", null);
  }

  /**
   * The Order failed for good: `Failed` with the code and message, then the customer's mail.
   * @throws SalesforceError
   */
  async failed(
    subject: FulfilmentSubject,
    error: { code: string; message: string },
  ): Promise<void> {
    await this.salesforce.orders.recordActivation(subject.orderId, { status: "failed", error });
    await this.changed(subject, "failed", error);
    await this.tellCustomer(subject, "order-activation-failed", error.code);
  }

  private identity(subject: FulfilmentSubject) {
    return {
      orderId: subject.orderId,
      sfAccountId: subject.sfAccountId,
      whmcsClientId: subject.whmcsClientId,
    };
  }

  private async changed(
    subject: FulfilmentSubject,
    activationStatus: ActivationStatus,
    error: { code: string; message: string } | null,
  ): Promise<void> {
    await this.cache.invalidateTag(ordersTags.account(subject.sfAccountId));
    await this.events.publish("FulfillmentProgressed", {
      ...this.identity(subject),
      activationStatus,
      step: null,
      error,
      at: new Date().toISOString(),
    });
    await this.events.publish("OrderChanged", {
      sfAccountId: subject.sfAccountId,
      orderId: subject.orderId,
      reason: "updated",
    });
  }

  /**
   * Mails the portal user of the Order's Account (none: nobody to write to) in their language.
   * A failure is logged: the customer's mail must not undo or repeat provisioning.
   */
  private async tellCustomer(
    subject: FulfilmentSubject,
    template: "order-activated" | "order-activation-failed",
    errorCode: string | null,
  ): Promise<void> {
    try {
      const mapping = await this.idMappings.findBySfAccountId(subject.sfAccountId);
      const user = mapping ? await this.users.findById(mapping.userId) : undefined;
      if (!user) {
        this.logger.log({ orderId: subject.orderId }, "No portal user to tell about the order");
        return;
      }
      const base = {
        firstName: user.firstName,
        lastName: user.lastName,
        orderId: subject.orderId,
        orderNumber: subject.orderNumber,
      };
      const dedupeKey = `${template}:${subject.orderId}`;
      if (template === "order-activated") {
        await this.mail.send(template, user.email, user.locale, base, { dedupeKey });
      } else {
        await this.mail.send(
          template,
          user.email,
          user.locale,
          { ...base, errorCode: errorCode ?? "UNKNOWN" },
          { dedupeKey },
        );
      }
    } catch (error) {
      this.logger.error({ err: error, orderId: subject.orderId }, "Order outcome mail not queued");
    }
  }
}
