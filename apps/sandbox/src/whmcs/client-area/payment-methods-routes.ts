import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { formFields } from "../../server/form-fields.js";
import type { SandboxServices } from "../../server/sandbox-services.js";
import type { WhmcsClient } from "../state/whmcs-state.js";
import { paymentMethodsPage, type PayMethodsNotice } from "./payment-methods-page.js";

/** What the client area's route table shares with these routes. */
export interface ClientAreaHelpers {
  sessionClient: (request: FastifyRequest) => WhmcsClient | undefined;
  html: (reply: FastifyReply, status: number, body: string) => FastifyReply;
  notSignedIn: (reply: FastifyReply) => FastifyReply;
  /** The WHMCS root path (`/whmcs` on the shared server, `` on WHMCS's own port). */
  basePath: string;
}

const doneQuerySchema = z.object({
  done: z.enum(["added", "removed", "default"]).optional().catch(undefined),
});
const idParamsSchema = z.object({ id: z.coerce.number().int().positive() });

/**
 * The payment-methods page of the client area (WHMCS 8 friendly URLs under the WHMCS root):
 * - `GET account/paymentmethods[?done=added|removed|default]` shows the session client's pay
 *   methods and the add forms.
 * - `POST account/paymentmethods/add` (`type=card`: `card_number`, `card_expiry` MM/YY,
 *   `description`; `type=bank`: `bank_name`, `branch_name`, `bank_account_type`, `bank_account`)
 * - `POST account/paymentmethods/:id/delete`, `POST account/paymentmethods/:id/default`
 * Each change redirects (303) back to the page with `?done=` and sends the signed
 * `PayMethodChanged` webhook; bad input re-renders the page with the error (400); a pay method
 * of another client is 404. Source: WHMCS Single Sign-On Developer Guide (`clientarea:billing_info`).
 */
export function registerPaymentMethodsRoutes(
  app: FastifyInstance,
  services: SandboxServices,
  helpers: ClientAreaHelpers,
): void {
  const render = (
    reply: FastifyReply,
    client: WhmcsClient,
    status: number,
    notice?: PayMethodsNotice,
  ): FastifyReply =>
    helpers.html(
      reply,
      status,
      paymentMethodsPage({
        client,
        methods: services.payMethods.of(client.id),
        notice,
        returnUrl: services.returnUrl,
      }),
    );
  const backToPage = (reply: FastifyReply, done: "added" | "removed" | "default"): FastifyReply =>
    reply.redirect(`${helpers.basePath}/account/paymentmethods?done=${done}`, 303);

  app.get("/account/paymentmethods", async (request, reply) => {
    const client = helpers.sessionClient(request);
    if (!client) return helpers.notSignedIn(reply);
    const { done } = doneQuerySchema.parse(request.query);
    return render(reply, client, 200, done ? { kind: "done", what: done } : undefined);
  });

  app.post("/account/paymentmethods/add", async (request, reply) => {
    const client = helpers.sessionClient(request);
    if (!client) return helpers.notSignedIn(reply);
    const fields = formFields(request.body);
    try {
      if (fields.type === "bank") {
        await services.payMethods.addBankAccount(client.id, {
          bankName: fields.bank_name ?? "",
          branchName: fields.branch_name ?? "",
          accountType: fields.bank_account_type === "current" ? "current" : "ordinary",
          accountNumber: (fields.bank_account ?? "").trim(),
        });
      } else {
        await services.payMethods.addCard(client.id, {
          cardNumber: fields.card_number ?? "",
          expiry: (fields.card_expiry ?? "").trim(),
          description: fields.description ?? "",
        });
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return render(reply, client, 400, { kind: "error", message });
    }
    return backToPage(reply, "added");
  });

  const change =
    (action: "remove" | "makeDefault", done: "removed" | "default") =>
    async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
      const client = helpers.sessionClient(request);
      if (!client) return helpers.notSignedIn(reply);
      const parsed = idParamsSchema.safeParse(request.params);
      const changed =
        parsed.success && (await services.payMethods[action](client.id, parsed.data.id));
      if (!changed) {
        return render(reply, client, 404, {
          kind: "error",
          message: "This payment method does not belong to your account.",
        });
      }
      return backToPage(reply, done);
    };
  app.post("/account/paymentmethods/:id/delete", change("remove", "removed"));
  app.post("/account/paymentmethods/:id/default", change("makeDefault", "default"));
}
