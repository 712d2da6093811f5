import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { utcDate } from "../../server/clock.js";
import type { SandboxServices } from "../../server/sandbox-services.js";
import type { WhmcsClient } from "../state/whmcs-state.js";
import { SESSION_COOKIE } from "./client-sessions.js";
import { invoiceListPage, invoicePage, messagePage } from "./client-area-pages.js";
import { registerPaymentMethodsRoutes } from "./payment-methods-routes.js";

const tokenQuerySchema = z.object({ access_token: z.string().optional() });
const invoiceQuerySchema = z.object({ id: z.coerce.number().int().positive().optional() });

/**
 * The client area pages reached by single sign-on, under the WHMCS base path (`/whmcs` on the
 * shared server, `` on WHMCS's own port; paths below are shown for the shared server):
 * - `GET /whmcs/oauth/singlesignon.php?access_token=…` redeems a CreateSsoToken token (single
 *   use, 60 s), starts an HttpOnly session cookie for that client and redirects (302) to the
 *   token's destination under `/whmcs/`; an unknown, used or expired token gets an error page.
 * - `GET /whmcs/viewinvoice.php?id=N` shows one of the session client's invoices with a
 *   "Pay now" button when it is payable; another client's invoice is "Access denied".
 * - `POST /whmcs/viewinvoice.php?id=N` pays it with the saved card (Paid, transaction, signed
 *   `InvoicePaid` webhook) and shows "Payment received — thank you".
 * - `GET /whmcs/clientarea.php` lists the session client's invoices.
 * - `/whmcs/account/paymentmethods*`: the payment-methods page (see payment-methods-routes.ts).
 * Source: docs/architecture/wiring.md "Sandbox URLs"; WHMCS Single Sign-On developer guide.
 */
export function registerClientAreaRoutes(
  app: FastifyInstance,
  services: SandboxServices,
  basePath: string,
): void {
  const sessionClient = (request: FastifyRequest): WhmcsClient | undefined => {
    const clientId = services.clientSessions.clientOf(request.cookies[SESSION_COOKIE]);
    return services.whmcsState.state.clients.find((client) => client.id === clientId);
  };
  const html = (reply: FastifyReply, status: number, body: string): FastifyReply =>
    reply.code(status).type("text/html; charset=utf-8").send(body);
  const notSignedIn = (reply: FastifyReply): FastifyReply =>
    html(
      reply,
      401,
      messagePage(
        "Please sign in",
        "Your client area session has ended. Open the invoice again from the portal.",
        services.returnUrl,
      ),
    );
  const accessDenied = (reply: FastifyReply): FastifyReply =>
    html(
      reply,
      403,
      messagePage(
        "Access denied",
        "This invoice does not belong to your account.",
        services.returnUrl,
      ),
    );

  app.get("/oauth/singlesignon.php", async (request, reply) => {
    const { access_token: token } = tokenQuerySchema.parse(request.query);
    const grant = token === undefined ? null : services.ssoTokens.consume(token);
    if (!grant) {
      return html(
        reply,
        403,
        messagePage(
          "Link expired",
          "This sign-in link has expired or was already used. Return to the portal and try again.",
          services.returnUrl,
        ),
      );
    }
    const sessionId = services.clientSessions.start(grant.clientId);
    reply.setCookie(SESSION_COOKIE, sessionId, {
      path: basePath === "" ? "/" : basePath,
      httpOnly: true,
      sameSite: "lax",
    });
    return reply.redirect(`${basePath}/${grant.redirectPath}`, 302);
  });

  app.get("/clientarea.php", async (request, reply) => {
    const client = sessionClient(request);
    if (!client) return notSignedIn(reply);
    const invoices = services.whmcsState.state.invoices
      .filter((invoice) => invoice.userid === client.id)
      .sort((a, b) => (a.date === b.date ? b.id - a.id : a.date < b.date ? 1 : -1));
    return html(
      reply,
      200,
      invoiceListPage(client, invoices, utcDate(services.clock()), services.returnUrl),
    );
  });

  const showInvoice = async (
    request: FastifyRequest,
    reply: FastifyReply,
    pay: boolean,
  ): Promise<FastifyReply> => {
    const client = sessionClient(request);
    if (!client) return notSignedIn(reply);
    const { id } = invoiceQuerySchema.parse(request.query);
    const invoice = services.whmcsState.state.invoices.find((candidate) => candidate.id === id);
    if (!invoice || invoice.userid !== client.id) return accessDenied(reply);
    const card = services.whmcsState.state.payMethods.find(
      (method) => method.clientId === client.id && method.type.endsWith("CreditCard"),
    );
    const outcome = pay && card ? await services.payments.pay(invoice.id) : undefined;
    return html(
      reply,
      200,
      invoicePage({
        invoice,
        client,
        card,
        today: utcDate(services.clock()),
        justPaid: outcome?.kind === "paid",
        returnUrl: services.returnUrl,
      }),
    );
  };
  registerPaymentMethodsRoutes(app, services, { sessionClient, html, notSignedIn, basePath });
  app.get("/viewinvoice.php", (request, reply) => showInvoice(request, reply, false));
  app.post("/viewinvoice.php", (request, reply) => showInvoice(request, reply, true));
}
