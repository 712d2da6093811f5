import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { approveOrder } from "../salesforce/console/order-approval.js";
import { createSimOrder, type SimKind } from "../salesforce/console/sim-orders.js";
import type { SandboxServices } from "../server/sandbox-services.js";
import { utcDate } from "../server/clock.js";
import { createBenchCustomers } from "./bench-customers.js";
import { fulfilmentReport } from "./fulfilment-report.js";

/** The most orders one call makes, approves or reports on (keeps bodies well under 1 MiB). */
const MAX_ORDERS = 5000;

const simOrdersBodySchema = z
  .object({
    count: z.number().int().min(1).max(MAX_ORDERS),
    customers: z.number().int().min(1).max(MAX_ORDERS).optional(),
    simKinds: z
      .array(z.enum(["physical", "esim"]))
      .min(1)
      .default(["physical", "esim"]),
  })
  .refine((body) => (body.customers ?? 1) <= body.count, {
    message: "customers must not exceed count",
    path: ["customers"],
  });
const orderIdsBodySchema = z.object({
  orderIds: z.array(z.string().min(15).max(18)).min(1).max(MAX_ORDERS),
});

/**
 * Control routes for fulfilment runs (`npm run bench:fulfillment`, the kill tests):
 * - `POST /__control/fulfilment/sim-orders` `{ count, customers?, simKinds? }` → 201 `{ orders:
 *   [{ orderId, accountId, whmcsClientId, simKind }] }`: `customers` new customers (default one
 *   per 5 orders; WHMCS client with a card and its Account, `control/bench-customers.ts`) and
 *   `count` SIM orders spread over them in turn, as checkout creates them (`Pending Review`,
 *   plan + fees, `salesforce/console/sim-orders.ts`), each in its own transaction (its own CDC
 *   events); the SIM kinds cycle through `simKinds` (default physical, eSIM).
 * - `POST /__control/fulfilment/approvals` `{ orderIds }` → 200 `{ approved: [orderId],
 *   refused: [{ orderId, reason }] }`: staff approve each Order as the console's "Approve order"
 *   does (`salesforce/console/order-approval.ts`: OrderChangeEvent, history row and
 *   `Order_Fulfilment_Requested__e`), one transaction per Order.
 * - `POST /__control/fulfilment/report` `{ orderIds }` → 200 `{ orders: [OrderFulfilmentReport],
 *   missing: [orderId] }`: per Order its activation status, approval and activation times and the
 *   counts that reveal duplicates (`control/fulfilment-report.ts`).
 * At most 5,000 orders per call; bad bodies → 400 naming the field.
 */
export function registerFulfilmentControlRoutes(
  app: FastifyInstance,
  services: SandboxServices,
): void {
  app.post("/fulfilment/sim-orders", async (request, reply) => {
    const body = simOrdersBodySchema.parse(request.body);
    const customers = await createBenchCustomers(
      services,
      body.customers ?? Math.ceil(body.count / 5),
    );
    const effectiveOn = utcDate(services.clock());
    const firstSequence = services.records.latestReplayId();
    // Every transaction runs synchronously when called; awaiting them together lets their
    // writes to disk coalesce.
    const orders = await Promise.all(
      Array.from({ length: body.count }, async (_, index) => {
        const customer = customers[index % customers.length]!;
        const simKind: SimKind = body.simKinds[index % body.simKinds.length]!;
        const orderId = await services.records.transaction((writes) =>
          createSimOrder(writes, services.records, {
            accountId: customer.accountId,
            simKind,
            sequence: firstSequence * MAX_ORDERS + index,
            effectiveOn,
          }),
        );
        return { orderId, ...customer, simKind };
      }),
    );
    return reply.code(201).send({ orders });
  });

  app.post("/fulfilment/approvals", async (request) => {
    const { orderIds } = orderIdsBodySchema.parse(request.body);
    const outcomes = await Promise.all(
      orderIds.map(async (orderId) => ({
        orderId,
        ...(await approveOrder(services.records, orderId)),
      })),
    );
    return {
      approved: outcomes
        .filter((outcome) => outcome.kind === "approved")
        .map(({ orderId }) => orderId),
      refused: outcomes.flatMap((outcome) =>
        outcome.kind === "approved"
          ? []
          : [
              {
                orderId: outcome.orderId,
                reason: outcome.kind === "not-found" ? "not found" : `status ${outcome.status}`,
              },
            ],
      ),
    };
  });

  app.post("/fulfilment/report", async (request) => {
    const { orderIds } = orderIdsBodySchema.parse(request.body);
    const orders = fulfilmentReport(services, orderIds);
    const found = new Set(orders.map((order) => order.orderId));
    return { orders, missing: orderIds.filter((orderId) => !found.has(orderId)) };
  });
}
