import { randomBytes } from "node:crypto";
import { verifyPassword } from "../../client-area/passwords.js";
import { textParam } from "../action-params.js";
import { WhmcsActionError } from "../action-error.js";
import type { WhmcsAction } from "../whmcs-action.js";

/**
 * ValidateLogin: checks `email` + `password2` against the client's owner user and answers
 * `{ userid, passwordhash, twoFactorEnabled }` (`passwordhash` a fresh 40-character session
 * token; two-factor is never enabled in the sandbox). Strings in every mode, as the current
 * example shows. Refuses with "Email or Password Invalid" for an unknown email, a wrong
 * password, or a client whose password is unknown.
 * Source: WHMCS/developer-docs api-reference/validatelogin.md.
 */
export const validateLogin: WhmcsAction = (params, context) => {
  const email = textParam(params, "email")?.toLowerCase();
  const password = params.password2 ?? "";
  const client = context.store.state.clients.find(
    (candidate) => candidate.email.toLowerCase() === email,
  );
  if (!client || client.status === "Closed" || !verifyPassword(password, client.passwordHash)) {
    throw new WhmcsActionError("Email or Password Invalid");
  }
  return {
    result: "success",
    userid: String(client.id),
    passwordhash: randomBytes(20).toString("hex"),
    twoFactorEnabled: "false",
  };
};
