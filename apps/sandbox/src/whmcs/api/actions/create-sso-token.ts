import { intParam, textParam } from "../action-params.js";
import { WhmcsActionError } from "../action-error.js";
import type { WhmcsAction } from "../whmcs-action.js";

/** Destinations the sandbox's client area serves, and the page each opens. */
const DESTINATIONS: Record<string, string> = {
  "clientarea:home": "clientarea.php",
  "clientarea:invoices": "clientarea.php?action=invoices",
  // "Manage Billing Information/Credit Card": the payment-methods page (WHMCS 8 friendly URL).
  "clientarea:billing_info": "account/paymentmethods",
};

/**
 * CreateSsoToken: a one-time token (60 s) that signs `client_id` into the client area, and the
 * URL that redeems it (`<WHMCS base URL>/oauth/singlesignon.php?access_token=…`). Destinations:
 * none (client area home), `clientarea:home`, `clientarea:invoices`, `clientarea:billing_info`
 * (the payment-methods page), or `sso:custom_redirect`
 * with a relative `sso_redirect_path` (e.g. `viewinvoice.php?id=1014`).
 * Refuses "Invalid client_id" and "Invalid destination".
 * Source: WHMCS/developer-docs api-reference/createssotoken.md; WHMCS Single Sign-On Developer
 * Guide "Supported Destinations".
 */
export const createSsoToken: WhmcsAction = (params, context) => {
  const clientId = intParam(params, "client_id");
  const client = context.store.state.clients.find((candidate) => candidate.id === clientId);
  if (!client) throw new WhmcsActionError("Invalid client_id");
  if (client.status === "Closed")
    throw new WhmcsActionError(`SSO authentication blocked for client ${client.id}`);

  const destination = textParam(params, "destination");
  let redirectPath: string | undefined;
  if (destination === undefined) {
    redirectPath = "clientarea.php";
  } else if (destination === "sso:custom_redirect") {
    const path = textParam(params, "sso_redirect_path");
    // Relative paths only: an absolute or protocol-relative one would make this an open redirect.
    redirectPath =
      path !== undefined && !/^[a-z][a-z0-9+.-]*:|^[/\\]/i.test(path) ? path : undefined;
  } else {
    redirectPath = DESTINATIONS[destination];
  }
  if (redirectPath === undefined) throw new WhmcsActionError("Invalid destination");

  const token = context.ssoTokens.issue({ clientId: client.id, redirectPath });
  return {
    result: "success",
    access_token: token,
    redirect_url: `${context.baseUrl()}/oauth/singlesignon.php?access_token=${token}`,
  };
};
