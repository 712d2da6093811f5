import { Inject, Injectable } from "@nestjs/common";
import {
  isUsablePaymentMethod,
  japanDate,
  mnpDetailsSchema,
  simTypeSchema,
  type SimOrderDetails,
} from "@portal/domain";
import { FreebitClient, FreebitError, freebitPlanCode } from "@portal/freebit";
import { type FulfilmentOrder, SalesforceClient } from "@portal/salesforce";
import { WhmcsClient, WhmcsError } from "@portal/whmcs";
import { z } from "zod";
import {
  type RetryPolicy,
  type StepContext,
  type WorkflowDefinition,
  type WorkflowStep,
} from "../workflow/workflow-definition.js";
import { APP_CONFIG } from "../config/config.module.js";
import { type AppConfig } from "../config/config.schema.js";
import { ActivationError, ActivationPending } from "./activation-error.js";
import { FulfilmentProgress, type FulfilmentSubject } from "./fulfilment-progress.js";

/** What a fulfilment run is started with and stores: the Salesforce Order Id (also its business id). */
export const fulfilmentInputSchema = z.object({ orderId: z.string().min(15) });
export type FulfilmentInput = z.infer<typeof fulfilmentInputSchema>;

/** The workflow's name, stored with every run. */
export const FULFILMENT_WORKFLOW = "order.fulfilment";

/** Upstream calls: three tries, 1 s then 2 s apart; then the job's own backoff (decision 0069). */
const UPSTREAM: RetryPolicy = { attempts: 3, backoffMs: 1_000 };
/**
 * Placing the WHMCS order: one try per job attempt. AddOrder is not idempotent, and a call that
 * timed out may still commit in WHMCS seconds later; the next look for it by its reference must
 * come after that, so it waits for the job's backoff (15 s and more) instead of 1 s (review
 * finding: a slow AddOrder would otherwise be placed twice).
 */
const PLACE_ONCE: RetryPolicy = { attempts: 1, backoffMs: 0 };
/** Waiting for Freebit: five looks 1, 2, 4, 8 s apart, then the run is suspended and the job retries later. */
const COMPLETION: RetryPolicy = { attempts: 5, backoffMs: 1_000 };

const subjectSchema = z.object({
  orderId: z.string(),
  orderNumber: z.string(),
  sfAccountId: z.string(),
  whmcsClientId: z.number().int().positive(),
});

/** The subject once its WHMCS client is known. */
type BilledSubject = z.infer<typeof subjectSchema>;

/** One SIM line to activate: the OrderItem, Freebit's plan code and the key its activation is made under. */
const simLineSchema = z.object({
  orderItemId: z.string(),
  planCode: z.string(),
  requestKey: z.string(),
});

/** One line WHMCS bills: the OrderItem, its WHMCS product and quantity. */
const billedLineSchema = z.object({
  orderItemId: z.string(),
  whmcsProductId: z.number().int().positive(),
  quantity: z.number().int().positive(),
});

/** The Order as the run saw it after marking it Activating (checkpointed, so a resume sees the same). */
const snapshotSchema = z.object({
  whmcsOrderId: z.number().int().positive().nullable(),
  sim: z
    .object({
      simType: simTypeSchema,
      eid: z.string().nullable(),
      mnp: mnpDetailsSchema.nullable(),
    })
    .nullable(),
  billedLines: z.array(billedLineSchema),
  simLines: z.array(simLineSchema),
});
type Snapshot = z.infer<typeof snapshotSchema>;

/** Freebit's idempotency key of one SIM line: `<OrderId>:<OrderItemId>` (decision 0061). */
export function simRequestKey(orderId: string, orderItemId: string): string {
  return `${orderId}:${orderItemId}`;
}

/**
 * Fulfilment of an approved Salesforce Order as a workflow (DESIGN.md §6 step 4; issue 8), run by
 * the `order.fulfil` job under the Order Id, which roots every external idempotency key. Steps:
 * 1. `activating`: reads the Order and its Account's WHMCS client; `Activation_Status__c =
 *    Activating` (error fields cleared).
 * 2. `order`: reads the Order with its lines; checks before anything is made that every SIM plan
 *    has a Freebit plan code and the SIM details are complete.
 * 3. `payment-method`: the WHMCS client must have a usable payment method; picks the gateway.
 * 4. `whmcs-order`: reuses the WHMCS order the Order names or WHMCS has under its reference (after
 *    checking client and products, decision 0060), or places one (AddOrder, no e-mail).
 * 5. `record-whmcs-order`: `WHMCS_Order_ID__c`, before AcceptOrder.
 * 6. `accept`: AcceptOrder (an order already active counts as accepted).
 * 7. `sim-activation`: one Freebit activation per SIM line under `<OrderId>:<OrderItemId>`.
 * 8. `sim-completion`: waits until each completed; still processing is transient (retried, then
 *    the run is suspended and the job retries with backoff); failed is permanent.
 * 9. `services`: each billed line's WHMCS service → `WHMCS_Service_ID__c`.
 * 10. `activated`: `Activated` (and Order Status), the customer's e-mail.
 * Each step may be repeated after a crash between its effect and its checkpoint: reads, idempotent
 * PATCHes, a WHMCS order found by its reference, Freebit activations by request key. A permanent
 * failure writes `Failed` with its code (see {@link ActivationError}); nothing is compensated —
 * a placed WHMCS order or SIM stays for staff, and a retried run reuses it.
 */
@Injectable()
export class FulfilmentWorkflow {
  constructor(
    private readonly salesforce: SalesforceClient,
    private readonly whmcs: WhmcsClient,
    @Inject(FreebitClient) private readonly freebit: FreebitClient | null,
    private readonly progress: FulfilmentProgress,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    // Here rather than as a field: the lease comes from the configuration, which fields cannot see.
    this.definition = {
      name: FULFILMENT_WORKFLOW,
      input: fulfilmentInputSchema,
      steps: [
        this.activating,
        this.order,
        this.paymentMethod,
        this.whmcsOrder,
        this.recordWhmcsOrder,
        this.accept,
        this.simActivation,
        this.simCompletion,
        this.services,
        this.activated,
      ],
      result: () => null,
      leaseSeconds: config.fulfilment.leaseSeconds,
      keepCompleted: false,
      onRetriesExhausted: "suspend",
    };
  }

  /**
   * The workflow; runs are deleted once completed (Salesforce keeps the outcome). Its lease
   * (`FULFILMENT_LEASE_SECONDS`) is renewed by the checkpoint after each step, so it only needs to
   * outlast one step (at most tens of seconds); a run a dead process held is resumed this long
   * after its last step.
   */
  readonly definition: WorkflowDefinition<FulfilmentInput, null>;

  private readonly activating: WorkflowStep<FulfilmentInput, BilledSubject> = this.step(
    "activating",
    subjectSchema,
    UPSTREAM,
    async ({ input }) => {
      const order = await this.readOrder(input.orderId);
      const account = await this.salesforce.accounts.get(order.accountId);
      if (account?.billingClientId == null) {
        const error = new ActivationError(
          "NO_BILLING_CLIENT",
          `Account ${order.accountId} has no WHMCS client (WH_Account__c)`,
        );
        await this.progress.failed(
          {
            orderId: order.id,
            orderNumber: order.number,
            sfAccountId: order.accountId,
            whmcsClientId: null,
          },
          { code: error.code, message: error.message },
        );
        throw error;
      }
      const subject = {
        orderId: order.id,
        orderNumber: order.number,
        sfAccountId: order.accountId,
        whmcsClientId: account.billingClientId,
      };
      await this.progress.activating(subject);
      return subject;
    },
  );

  private readonly order: WorkflowStep<FulfilmentInput, Snapshot> = this.step(
    "order",
    snapshotSchema,
    UPSTREAM,
    async ({ input }) => this.snapshot(await this.readOrder(input.orderId)),
  );

  private readonly paymentMethod: WorkflowStep<FulfilmentInput, { gateway: string }> = this.step(
    "payment-method",
    z.object({ gateway: z.string().min(1) }),
    UPSTREAM,
    async (ctx) => {
      const { whmcsClientId } = ctx.outputOf(this.activating);
      const methods = await this.whmcs.billing.getPayMethods(whmcsClientId);
      if (!methods.some(isUsablePaymentMethod)) {
        throw new ActivationError(
          "NO_PAYMENT_METHOD",
          `WHMCS client ${whmcsClientId} has no usable payment method`,
        );
      }
      // The order is placed with the shop's first gateway (WHMCS lists its default first); the
      // client's own pay method is what WHMCS charges (decision 0069).
      const [gateway] = await this.whmcs.billing.getPaymentGateways();
      if (!gateway) {
        throw new ActivationError("NO_PAYMENT_GATEWAY", "WHMCS accepts no payment gateway");
      }
      return { gateway: gateway.module };
    },
  );

  private readonly whmcsOrder: WorkflowStep<FulfilmentInput, { whmcsOrderId: number | null }> =
    this.step(
      "whmcs-order",
      z.object({ whmcsOrderId: z.number().int().positive().nullable() }),
      PLACE_ONCE,
      async (ctx) => ({ whmcsOrderId: await this.placeOrReuse(ctx) }),
    );

  private readonly recordWhmcsOrder: WorkflowStep<FulfilmentInput, null> = this.step(
    "record-whmcs-order",
    z.null(),
    UPSTREAM,
    async (ctx) => {
      const { whmcsOrderId } = ctx.outputOf(this.whmcsOrder);
      if (whmcsOrderId !== null && ctx.outputOf(this.order).whmcsOrderId !== whmcsOrderId) {
        await this.salesforce.orders.recordWhmcsOrder(ctx.input.orderId, whmcsOrderId);
      }
      return null;
    },
  );

  private readonly accept: WorkflowStep<FulfilmentInput, null> = this.step(
    "accept",
    z.null(),
    UPSTREAM,
    async (ctx) => {
      const { whmcsOrderId } = ctx.outputOf(this.whmcsOrder);
      if (whmcsOrderId === null) return null;
      try {
        await this.whmcs.orders.accept(whmcsOrderId);
      } catch (error) {
        throw refusedAs(error, "WHMCS_ORDER_REJECTED", `AcceptOrder ${whmcsOrderId}`);
      }
      return null;
    },
  );

  private readonly simActivation: WorkflowStep<FulfilmentInput, null> = this.step(
    "sim-activation",
    z.null(),
    UPSTREAM,
    async (ctx) => {
      const { sim, simLines } = ctx.outputOf(this.order);
      if (simLines.length === 0 || sim === null) return null;
      const freebit = this.requireFreebit();
      for (const line of simLines) {
        try {
          await freebit.activations.activate({
            requestKey: line.requestKey,
            planCode: line.planCode,
            simType: sim.simType,
            eid: sim.eid,
            mnp: sim.mnp,
            // The card ships today (Japan); a repeat finds the activation by key first.
            shipDate: japanDate(new Date()),
          });
        } catch (error) {
          throw refusedAs(error, "FREEBIT_REJECTED", `Activation ${line.requestKey}`);
        }
      }
      return null;
    },
  );

  private readonly simCompletion: WorkflowStep<FulfilmentInput, { accounts: string[] }> = this.step(
    "sim-completion",
    z.object({ accounts: z.array(z.string()) }),
    COMPLETION,
    async (ctx) => {
      const { simLines } = ctx.outputOf(this.order);
      if (simLines.length === 0) return { accounts: [] };
      const freebit = this.requireFreebit();
      const accounts: string[] = [];
      const pending: string[] = [];
      for (const line of simLines) {
        const activation = await freebit.activations.get(line.requestKey);
        if (activation === null) {
          // Accepted by the previous step, so Freebit knows it: a lagging read, tried again.
          throw new Error(`Activation ${line.requestKey} not found yet`);
        }
        if (activation.state === "failed") {
          throw new ActivationError(
            "SIM_ACTIVATION_FAILED",
            `Freebit activation ${line.requestKey} failed (${activation.errorCode ?? "no code"})`,
          );
        }
        if (activation.state === "processing") pending.push(line.requestKey);
        else accounts.push(activation.account);
      }
      if (pending.length > 0) throw new ActivationPending(pending);
      return { accounts };
    },
  );

  private readonly services: WorkflowStep<FulfilmentInput, null> = this.step(
    "services",
    z.null(),
    UPSTREAM,
    async (ctx) => {
      const { whmcsOrderId } = ctx.outputOf(this.whmcsOrder);
      if (whmcsOrderId === null) return null;
      const { whmcsClientId } = ctx.outputOf(this.activating);
      const { billedLines } = ctx.outputOf(this.order);
      const services = await this.servicesOf(whmcsClientId, whmcsOrderId);
      const assigned = billedLines.map((line) => {
        const index = services.findIndex((service) => service.productId === line.whmcsProductId);
        const [service] = index < 0 ? [] : services.splice(index, 1);
        if (!service) {
          throw new ActivationError(
            "SERVICES_MISSING",
            `WHMCS order ${whmcsOrderId} has no service of product ${line.whmcsProductId} for line ${line.orderItemId}`,
          );
        }
        return { orderItemId: line.orderItemId, whmcsServiceId: service.id };
      });
      await this.salesforce.orders.recordServiceIds(assigned);
      return null;
    },
  );

  private readonly activated: WorkflowStep<FulfilmentInput, null> = {
    name: "activated",
    output: z.null(),
    retry: UPSTREAM,
    invoke: async (ctx) => {
      await this.progress.activated(ctx.outputOf(this.activating));
      return null;
    },
  };

  /** The subject of a run, once its first step finished (else null). */
  subjectOf(ctx: StepContext<FulfilmentInput>): FulfilmentSubject | null {
    try {
      return ctx.outputOf(this.activating);
    } catch {
      return null;
    }
  }

  /**
   * A step whose success publishes its progress and whose permanent failure marks the Order
   * `Failed` (once the Order's Account is known) before the runner sees it.
   */
  private step<O>(
    name: string,
    output: z.ZodType<O>,
    retry: RetryPolicy,
    invoke: (ctx: StepContext<FulfilmentInput>) => Promise<O>,
  ): WorkflowStep<FulfilmentInput, O> {
    return {
      name,
      output,
      retry,
      invoke: async (ctx) => {
        let result: O;
        try {
          result = await invoke(ctx);
        } catch (error) {
          if (error instanceof ActivationError) {
            const subject = this.subjectOf(ctx);
            if (subject) {
              await this.progress.failed(subject, { code: error.code, message: error.message });
            }
          }
          throw error;
        }
        const subject = name === "activating" ? subjectSchema.parse(result) : this.subjectOf(ctx);
        if (subject) await this.progress.stepFinished(subject, name);
        return result;
      },
    };
  }

  /** @throws ActivationError ORDER_NOT_FOUND */
  private async readOrder(orderId: string): Promise<FulfilmentOrder> {
    const order = await this.salesforce.orders.getForFulfilment(orderId);
    if (!order) throw new ActivationError("ORDER_NOT_FOUND", `No Salesforce Order ${orderId}`);
    return order;
  }

  /**
   * The lines to bill and to activate. @throws ActivationError SIM_DETAILS_MISSING,
   * PLAN_NOT_MAPPED, FREEBIT_NOT_CONFIGURED
   */
  private snapshot(order: FulfilmentOrder): Snapshot {
    const simItems = order.items.filter((item) => item.simPlan !== null);
    if (simItems.length > 0) {
      checkSim(order.sim);
      this.requireFreebit();
    }
    const simLines = simItems.map((item) => {
      const plan = item.simPlan as NonNullable<typeof item.simPlan>;
      const planCode = freebitPlanCode(plan);
      if (planCode === null) {
        throw new ActivationError(
          "PLAN_NOT_MAPPED",
          `No Freebit plan code for the ${plan.planType} plan of ${plan.dataSizeGb} GB (line ${item.id})`,
        );
      }
      return { orderItemId: item.id, planCode, requestKey: simRequestKey(order.id, item.id) };
    });
    return {
      whmcsOrderId: order.whmcsOrderId,
      sim: order.sim,
      billedLines: order.items.flatMap((item) =>
        item.whmcsProductId === null
          ? []
          : [
              {
                orderItemId: item.id,
                whmcsProductId: item.whmcsProductId,
                quantity: Math.max(1, Math.round(item.quantity)),
              },
            ],
      ),
      simLines,
    };
  }

  /**
   * The WHMCS order of this Order: the one it names or WHMCS holds under its reference, when it
   * is the client's and bills the Order's products (decision 0060); else a new one. Null when no
   * line is billed through WHMCS.
   * @throws ActivationError WHMCS_ORDER_MISMATCH, WHMCS_ORDER_REJECTED
   */
  private async placeOrReuse(ctx: StepContext<FulfilmentInput>): Promise<number | null> {
    const { whmcsClientId } = ctx.outputOf(this.activating);
    const snapshot = ctx.outputOf(this.order);
    if (snapshot.billedLines.length === 0) return null;
    const existing =
      snapshot.whmcsOrderId !== null
        ? await this.whmcs.orders.get(snapshot.whmcsOrderId)
        : await this.whmcs.orders.findByReference(whmcsClientId, ctx.input.orderId);
    if (existing) {
      await this.checkReusable(existing.id, existing.clientId, whmcsClientId, snapshot);
      return existing.id;
    }
    if (snapshot.whmcsOrderId !== null) {
      throw new ActivationError(
        "WHMCS_ORDER_MISMATCH",
        `WHMCS_Order_ID__c names WHMCS order ${snapshot.whmcsOrderId}, which does not exist`,
      );
    }
    try {
      const placed = await this.whmcs.orders.add({
        clientId: whmcsClientId,
        paymentMethod: ctx.outputOf(this.paymentMethod).gateway,
        lines: snapshot.billedLines.map((line) => ({
          productId: line.whmcsProductId,
          quantity: line.quantity,
        })),
        noEmail: true,
        reference: ctx.input.orderId,
      });
      return placed.orderId;
    } catch (error) {
      throw refusedAs(error, "WHMCS_ORDER_REJECTED", "AddOrder");
    }
  }

  /**
   * @throws ActivationError WHMCS_ORDER_MISMATCH unless the order is the client's and bills as
   * many units of each product as the Order's lines. Units, not services: WHMCS places a line of
   * `qty` n either as n services (product option "multiple services") or as one service carrying
   * `qty` n (scalable; GetClientsProducts `qty`).
   */
  private async checkReusable(
    whmcsOrderId: number,
    orderClientId: number,
    whmcsClientId: number,
    snapshot: Snapshot,
  ): Promise<void> {
    const billed = unitsByProduct(
      (await this.servicesOf(whmcsClientId, whmcsOrderId)).map((service) => ({
        productId: service.productId,
        units: service.quantity,
      })),
    );
    const expected = unitsByProduct(
      snapshot.billedLines.map((line) => ({
        productId: line.whmcsProductId,
        units: line.quantity,
      })),
    );
    if (orderClientId !== whmcsClientId || billed !== expected) {
      throw new ActivationError(
        "WHMCS_ORDER_MISMATCH",
        `WHMCS order ${whmcsOrderId} belongs to client ${orderClientId} with products [${billed}]; the Order needs client ${whmcsClientId} with [${expected}]`,
      );
    }
  }

  /** The services of WHMCS order `whmcsOrderId` of the client, oldest first. */
  private async servicesOf(whmcsClientId: number, whmcsOrderId: number) {
    const client = await this.whmcs.clients.get(whmcsClientId);
    const services = await this.whmcs.services.list(whmcsClientId, client?.currency ?? "JPY");
    return services.filter((service) => service.orderId === whmcsOrderId);
  }

  /** @throws ActivationError FREEBIT_NOT_CONFIGURED */
  private requireFreebit(): FreebitClient {
    if (!this.freebit) {
      throw new ActivationError(
        "FREEBIT_NOT_CONFIGURED",
        "The Order has SIM lines but Freebit is not configured (FREEBIT_*)",
      );
    }
    return this.freebit;
  }
}

/** Units per WHMCS product id, as `<product id>×<units>` sorted by product id, comma-separated. */
function unitsByProduct(lines: readonly { productId: number; units: number }[]): string {
  const units = new Map<number, number>();
  for (const line of lines)
    units.set(line.productId, (units.get(line.productId) ?? 0) + line.units);
  return [...units]
    .sort(([a], [b]) => a - b)
    .map(([productId, count]) => `${productId}×${count}`)
    .join(", ");
}

/** @throws ActivationError SIM_DETAILS_MISSING for no SIM type, or an eSIM without EID. */
function checkSim(sim: SimOrderDetails | null): void {
  if (sim === null) {
    throw new ActivationError("SIM_DETAILS_MISSING", "The Order has SIM lines but no SIM_Type__c");
  }
  if (sim.simType === "esim" && !sim.eid) {
    throw new ActivationError("SIM_DETAILS_MISSING", "An eSIM Order needs EID__c");
  }
}

/**
 * An upstream's refusal (`rejected`: it understood and said no) as a permanent `code` failure;
 * anything else (unavailable, timeout) unchanged, to be retried.
 */
function refusedAs(
  error: unknown,
  code: "WHMCS_ORDER_REJECTED" | "FREEBIT_REJECTED",
  what: string,
): unknown {
  const refused =
    (error instanceof WhmcsError || error instanceof FreebitError) && error.kind === "rejected";
  return refused ? new ActivationError(code, `${what}: ${error.message}`) : error;
}
