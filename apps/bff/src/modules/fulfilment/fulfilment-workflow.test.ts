import { FreebitError } from "@portal/freebit";
import { type FulfilmentOrder } from "@portal/salesforce";
import { WhmcsError } from "@portal/whmcs";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { type StepContext, type WorkflowStep } from "../workflow/workflow-definition.js";
import { ActivationError, ActivationPending } from "./activation-error.js";
import { type FulfilmentInput, FulfilmentWorkflow } from "./fulfilment-workflow.js";

/*
 * Each step of the fulfilment workflow on its own, with fake Salesforce, WHMCS, Freebit and
 * progress: what it calls, what it returns, which failures are permanent (Failed written) and which
 * are left to the retries. The whole workflow against the sandbox: test/fulfilment.test.ts.
 */

const ORDER_ID = "801DEMO00000001AAA";
const SUBJECT = {
  orderId: ORDER_ID,
  orderNumber: "00001001",
  sfAccountId: "001DEMO00000001YDA",
  whmcsClientId: 7,
};

function order(overrides: Partial<FulfilmentOrder> = {}): FulfilmentOrder {
  return {
    id: ORDER_ID,
    number: "00001001",
    accountId: SUBJECT.sfAccountId,
    status: "approved",
    activationStatus: "not_started",
    whmcsOrderId: null,
    sim: { simType: "physical", eid: null, mnp: null },
    items: [
      {
        id: "802PLAN",
        productId: "01tPLAN",
        name: { ja: "音声SIM 5GB", en: "SIM Data+Voice 5GB" },
        category: "sim",
        itemClass: "service",
        quantity: 1,
        whmcsProductId: 202,
        whmcsServiceId: null,
        simPlan: { planType: "voice", dataSizeGb: 5 },
      },
      {
        id: "802FEE",
        productId: "01tFEE",
        name: { ja: "SIM初期費用", en: "SIM activation fee" },
        category: "sim",
        itemClass: "activation",
        quantity: 1,
        whmcsProductId: null,
        whmcsServiceId: null,
        simPlan: null,
      },
    ],
    ...overrides,
  };
}

const SNAPSHOT = {
  whmcsOrderId: null,
  sim: { simType: "physical" as const, eid: null, mnp: null },
  billedLines: [{ orderItemId: "802PLAN", whmcsProductId: 202, quantity: 1 }],
  simLines: [{ orderItemId: "802PLAN", planCode: "VOICE_5GB", requestKey: `${ORDER_ID}:802PLAN` }],
};

function fakes() {
  return {
    salesforce: {
      orders: {
        getForFulfilment: vi.fn(async (): Promise<FulfilmentOrder | null> => order()),
        recordActivation: vi.fn(async () => undefined),
        recordWhmcsOrder: vi.fn(async () => undefined),
        recordServiceIds: vi.fn(async () => undefined),
      },
      accounts: {
        get: vi.fn(async (): Promise<{ billingClientId: number | null } | null> => ({
          billingClientId: 7,
        })),
      },
    },
    whmcs: {
      billing: {
        getPayMethods: vi.fn(async () => [
          { type: "remote_card", expiry: "12/30", expired: false } as never,
        ]),
        getPaymentGateways: vi.fn(async () => [{ module: "stripe", displayName: "Card" }]),
      },
      orders: {
        get: vi.fn(async (): Promise<unknown> => null),
        findByReference: vi.fn(async (): Promise<unknown> => null),
        add: vi.fn(async () => ({ orderId: 55, serviceIds: [91], invoiceId: 3 })),
        accept: vi.fn(async () => undefined),
      },
      clients: { get: vi.fn(async () => ({ currency: "JPY" })) },
      services: {
        list: vi.fn(async () => [
          { id: 91, orderId: 55, productId: 202, quantity: 1 },
          { id: 90, orderId: 54, productId: 202, quantity: 1 },
        ]),
      },
    },
    freebit: {
      activations: {
        activate: vi.fn(async () => ({ state: "processing" })),
        get: vi.fn(async (): Promise<unknown> => ({ state: "completed", account: "07012340009" })),
      },
    },
    progress: {
      activating: vi.fn(async () => undefined),
      stepFinished: vi.fn(async () => undefined),
      activated: vi.fn(async () => undefined),
      failed: vi.fn(async () => undefined),
    },
  };
}

let fake: ReturnType<typeof fakes>;
let workflow: FulfilmentWorkflow;

function build(freebit: boolean = true): FulfilmentWorkflow {
  return new FulfilmentWorkflow(
    fake.salesforce as never,
    fake.whmcs as never,
    freebit ? (fake.freebit as never) : null,
    fake.progress as never,
    { fulfilment: { leaseSeconds: 120 } } as never,
  );
}

/** Invokes step `name` with the outputs of the steps before it. */
async function invoke(
  name: string,
  outputs: Record<string, unknown> = {},
  subject: typeof workflow = workflow,
): Promise<unknown> {
  const steps = subject.definition.steps as readonly WorkflowStep<FulfilmentInput, unknown>[];
  const step = steps.find((candidate) => candidate.name === name);
  if (!step) throw new Error(`No step ${name}`);
  const ctx: StepContext<FulfilmentInput> = {
    businessId: ORDER_ID,
    input: { orderId: ORDER_ID },
    idempotencyKey: `${ORDER_ID}:${name}`,
    outputOf<O>(other: WorkflowStep<FulfilmentInput, O>): O {
      if (!(other.name in outputs)) throw new Error(`Step "${other.name}" has not finished`);
      return outputs[other.name] as O;
    },
  };
  return step.output.parse(await step.invoke(ctx));
}

/** Outputs of every step up to (not including) the one tested. */
const BEFORE = {
  activating: SUBJECT,
  order: SNAPSHOT,
  "payment-method": { gateway: "stripe" },
  "whmcs-order": { whmcsOrderId: 55 },
};

async function expectFailure(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toBeInstanceOf(ActivationError);
  await promise.catch((error: ActivationError) => expect(error.code).toBe(code));
}

beforeEach(() => {
  fake = fakes();
  workflow = build();
});

describe("activating", () => {
  it("marks the Order Activating and returns who it is about", async () => {
    expect(await invoke("activating")).toEqual(SUBJECT);
    expect(fake.progress.activating).toHaveBeenCalledWith(SUBJECT);
    expect(fake.progress.stepFinished).toHaveBeenCalledWith(SUBJECT, "activating");
  });

  it("fails an Order whose Account has no WHMCS client with NO_BILLING_CLIENT, written back", async () => {
    fake.salesforce.accounts.get.mockResolvedValue({ billingClientId: null });
    await expectFailure(invoke("activating"), "NO_BILLING_CLIENT");
    expect(fake.progress.failed).toHaveBeenCalledWith(
      { ...SUBJECT, whmcsClientId: null },
      expect.objectContaining({ code: "NO_BILLING_CLIENT" }),
    );
    expect(fake.progress.activating).not.toHaveBeenCalled();
  });

  it("fails a missing Order with ORDER_NOT_FOUND (nothing to write it to)", async () => {
    fake.salesforce.orders.getForFulfilment.mockResolvedValue(null);
    await expectFailure(invoke("activating"), "ORDER_NOT_FOUND");
    expect(fake.progress.failed).not.toHaveBeenCalled();
  });
});

describe("order", () => {
  it("keeps the lines WHMCS bills and the SIM lines with their plan code and request key", async () => {
    expect(await invoke("order", { activating: SUBJECT })).toEqual(SNAPSHOT);
  });

  it("refuses before anything is made: a plan without a code, an eSIM without EID, SIM lines without Freebit", async () => {
    const [plan, fee] = order().items;
    fake.salesforce.orders.getForFulfilment.mockResolvedValue(
      order({ items: [{ ...plan!, simPlan: { planType: "voice", dataSizeGb: 3 } }, fee!] }),
    );
    await expectFailure(invoke("order", { activating: SUBJECT }), "PLAN_NOT_MAPPED");
    expect(fake.progress.failed).toHaveBeenCalledWith(
      SUBJECT,
      expect.objectContaining({
        code: "PLAN_NOT_MAPPED",
        message: expect.stringContaining("3 GB"),
      }),
    );

    fake.salesforce.orders.getForFulfilment.mockResolvedValue(
      order({ sim: { simType: "esim", eid: null, mnp: null } }),
    );
    await expectFailure(invoke("order", { activating: SUBJECT }), "SIM_DETAILS_MISSING");

    fake.salesforce.orders.getForFulfilment.mockResolvedValue(order());
    await expectFailure(
      invoke("order", { activating: SUBJECT }, build(false)),
      "FREEBIT_NOT_CONFIGURED",
    );
  });
});

describe("payment-method", () => {
  it("picks the shop's first gateway when the client has a usable payment method", async () => {
    expect(await invoke("payment-method", BEFORE)).toEqual({ gateway: "stripe" });
    expect(fake.whmcs.billing.getPayMethods).toHaveBeenCalledWith(7);
  });

  it("fails with NO_PAYMENT_METHOD (written back) when none is usable", async () => {
    fake.whmcs.billing.getPayMethods.mockResolvedValue([
      { type: "card", expiry: "01/20", expired: true } as never,
    ]);
    await expectFailure(invoke("payment-method", BEFORE), "NO_PAYMENT_METHOD");
    expect(fake.progress.failed).toHaveBeenCalledWith(
      SUBJECT,
      expect.objectContaining({ code: "NO_PAYMENT_METHOD" }),
    );
  });

  it("leaves an unavailable WHMCS to the retries (not written back)", async () => {
    const down = new WhmcsError("unavailable", "GetPayMethods", { reason: "timeout" });
    fake.whmcs.billing.getPayMethods.mockRejectedValue(down);
    await expect(invoke("payment-method", BEFORE)).rejects.toBe(down);
    expect(fake.progress.failed).not.toHaveBeenCalled();
  });
});

describe("whmcs-order", () => {
  it("places the order with the Order Id as reference, without WHMCS's e-mail", async () => {
    expect(await invoke("whmcs-order", BEFORE)).toEqual({ whmcsOrderId: 55 });
    expect(fake.whmcs.orders.findByReference).toHaveBeenCalledWith(7, ORDER_ID);
    expect(fake.whmcs.orders.add).toHaveBeenCalledWith({
      clientId: 7,
      paymentMethod: "stripe",
      lines: [{ productId: 202, quantity: 1 }],
      noEmail: true,
      reference: ORDER_ID,
    });
  });

  it("reuses the order an earlier try placed when it is the client's with the Order's products", async () => {
    fake.whmcs.orders.findByReference.mockResolvedValue({ id: 55, clientId: 7 });
    expect(await invoke("whmcs-order", BEFORE)).toEqual({ whmcsOrderId: 55 });
    expect(fake.whmcs.orders.add).not.toHaveBeenCalled();
  });

  it("refuses a found order of another client or with other products (WHMCS_ORDER_MISMATCH)", async () => {
    fake.whmcs.orders.findByReference.mockResolvedValue({ id: 55, clientId: 8 });
    await expectFailure(invoke("whmcs-order", BEFORE), "WHMCS_ORDER_MISMATCH");
    fake.whmcs.orders.findByReference.mockResolvedValue({ id: 54, clientId: 7 });
    fake.whmcs.services.list.mockResolvedValue([
      { id: 90, orderId: 54, productId: 999, quantity: 1 },
    ]);
    await expectFailure(invoke("whmcs-order", BEFORE), "WHMCS_ORDER_MISMATCH");
    expect(fake.whmcs.orders.add).not.toHaveBeenCalled();
  });

  describe("with a line of quantity 3", () => {
    const threeOf = {
      ...BEFORE,
      order: {
        ...SNAPSHOT,
        billedLines: [{ orderItemId: "802PLAN", whmcsProductId: 202, quantity: 3 }],
      },
    };
    const service = (id: number, quantity: number) => ({
      id,
      orderId: 55,
      productId: 202,
      quantity,
    });

    beforeEach(() => {
      fake.whmcs.orders.findByReference.mockResolvedValue({ id: 55, clientId: 7 });
    });

    it("reuses the order whether WHMCS made one service per unit or one service of quantity 3", async () => {
      fake.whmcs.services.list.mockResolvedValue([service(91, 1), service(92, 1), service(93, 1)]);
      expect(await invoke("whmcs-order", threeOf)).toEqual({ whmcsOrderId: 55 });
      fake.whmcs.services.list.mockResolvedValue([service(91, 3)]);
      expect(await invoke("whmcs-order", threeOf)).toEqual({ whmcsOrderId: 55 });
      expect(fake.whmcs.orders.add).not.toHaveBeenCalled();
    });

    it("refuses an order billing fewer or more units (WHMCS_ORDER_MISMATCH)", async () => {
      fake.whmcs.services.list.mockResolvedValue([service(91, 1), service(92, 1)]);
      await expectFailure(invoke("whmcs-order", threeOf), "WHMCS_ORDER_MISMATCH");
      fake.whmcs.services.list.mockResolvedValue([service(91, 2)]);
      await expectFailure(invoke("whmcs-order", threeOf), "WHMCS_ORDER_MISMATCH");
      fake.whmcs.services.list.mockResolvedValue([service(91, 3), service(92, 1)]);
      await expectFailure(invoke("whmcs-order", threeOf), "WHMCS_ORDER_MISMATCH");
      expect(fake.whmcs.orders.add).not.toHaveBeenCalled();
    });
  });

  it("reads the order the Order names instead of searching, and refuses one that does not exist", async () => {
    const named = { ...BEFORE, order: { ...SNAPSHOT, whmcsOrderId: 55 } };
    fake.whmcs.orders.get.mockResolvedValue({ id: 55, clientId: 7 });
    expect(await invoke("whmcs-order", named)).toEqual({ whmcsOrderId: 55 });
    expect(fake.whmcs.orders.findByReference).not.toHaveBeenCalled();
    fake.whmcs.orders.get.mockResolvedValue(null);
    await expectFailure(invoke("whmcs-order", named), "WHMCS_ORDER_MISMATCH");
  });

  it("turns WHMCS's refusal into WHMCS_ORDER_REJECTED; skips WHMCS when no line is billed there", async () => {
    fake.whmcs.orders.add.mockRejectedValue(
      new WhmcsError("rejected", "AddOrder", { reason: "Invalid Payment Method" }),
    );
    await expectFailure(invoke("whmcs-order", BEFORE), "WHMCS_ORDER_REJECTED");
    const unbilled = { ...BEFORE, order: { ...SNAPSHOT, billedLines: [] } };
    expect(await invoke("whmcs-order", unbilled)).toEqual({ whmcsOrderId: null });
  });
});

describe("record-whmcs-order and accept", () => {
  it("writes WHMCS_Order_ID__c unless the Order already carries it, then accepts", async () => {
    await invoke("record-whmcs-order", BEFORE);
    expect(fake.salesforce.orders.recordWhmcsOrder).toHaveBeenCalledWith(ORDER_ID, 55);
    fake.salesforce.orders.recordWhmcsOrder.mockClear();
    await invoke("record-whmcs-order", { ...BEFORE, order: { ...SNAPSHOT, whmcsOrderId: 55 } });
    expect(fake.salesforce.orders.recordWhmcsOrder).not.toHaveBeenCalled();

    await invoke("accept", BEFORE);
    expect(fake.whmcs.orders.accept).toHaveBeenCalledWith(55);
    fake.whmcs.orders.accept.mockRejectedValue(
      new WhmcsError("rejected", "AcceptOrder", { reason: "Order ID not found" }),
    );
    await expectFailure(invoke("accept", BEFORE), "WHMCS_ORDER_REJECTED");
  });
});

describe("sim-activation and sim-completion", () => {
  it("activates each SIM line under <OrderId>:<OrderItemId> with the plan code and ship date", async () => {
    await invoke("sim-activation", BEFORE);
    expect(fake.freebit.activations.activate).toHaveBeenCalledWith({
      requestKey: `${ORDER_ID}:802PLAN`,
      planCode: "VOICE_5GB",
      simType: "physical",
      eid: null,
      mnp: null,
      shipDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    fake.freebit.activations.activate.mockRejectedValue(
      new FreebitError("rejected", "addAccount", { reason: "bad plan" }),
    );
    await expectFailure(invoke("sim-activation", BEFORE), "FREEBIT_REJECTED");
  });

  it("waits while Freebit processes (transient), fails for good when it reports failure", async () => {
    expect(await invoke("sim-completion", BEFORE)).toEqual({ accounts: ["07012340009"] });

    fake.freebit.activations.get.mockResolvedValue({ state: "processing" });
    await expect(invoke("sim-completion", BEFORE)).rejects.toBeInstanceOf(ActivationPending);
    expect(fake.progress.failed).not.toHaveBeenCalled();

    fake.freebit.activations.get.mockResolvedValue({ state: "failed", errorCode: "510" });
    await expectFailure(invoke("sim-completion", BEFORE), "SIM_ACTIVATION_FAILED");
  });
});

describe("services and activated", () => {
  it("writes each billed line's service of this WHMCS order, then marks the Order Activated", async () => {
    await invoke("services", BEFORE);
    expect(fake.salesforce.orders.recordServiceIds).toHaveBeenCalledWith([
      { orderItemId: "802PLAN", whmcsServiceId: 91 },
    ]);
    await invoke("activated", BEFORE);
    expect(fake.progress.activated).toHaveBeenCalledWith(SUBJECT);
  });

  it("fails with SERVICES_MISSING when the order lacks a line's service", async () => {
    fake.whmcs.services.list.mockResolvedValue([
      { id: 90, orderId: 54, productId: 202, quantity: 1 },
    ]);
    await expectFailure(invoke("services", BEFORE), "SERVICES_MISSING");
    expect(fake.salesforce.orders.recordServiceIds).not.toHaveBeenCalled();
  });
});
