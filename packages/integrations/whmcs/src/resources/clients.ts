import { randomBytes } from "node:crypto";
import { type BillingClient, type NewBillingClient } from "@portal/domain";
import { type WhmcsCore } from "../core/whmcs-core.js";
import { type WhmcsCustomFieldIds } from "../mappers/custom-fields.js";
import { toBillingClient } from "../mappers/billing-client.js";
import { toValidatedClientId } from "../mappers/validated-login.js";
import {
  toAddClientParams,
  toUpdateClientParams,
  type BillingClientPatch,
} from "../mappers/client-params.js";
import {
  addClientResponseSchema,
  getClientsDetailsResponseSchema,
  getClientsResponseSchema,
  updateClientResponseSchema,
} from "../raw/clients.js";
import { validateLoginResponseSchema } from "../raw/validate-login.js";

/** GetClients matches the start of an address, so fetch enough rows to find the exact one. */
const EMAIL_SEARCH_LIMIT = 100;

/** Error text WHMCS answers for wrong credentials (validatelogin.md "Error Responses"). */
const LOGIN_INVALID = "email or password invalid";

/** Error text UpdateClient answers when another client has the address (updateclient.md). */
const DUPLICATE_EMAIL = "duplicate email address";

/** Error text WHMCS answers for an unknown client id (api-reference "Error Responses"). */
const CLIENT_NOT_FOUND = "client not found";

/**
 * `whmcs.clients`: WHMCS clients, the billing side of a customer (profile and authoritative
 * address). Reads are retried on transient failures; AddClient and UpdateClient are sent once.
 * Source: WHMCS/developer-docs
 * api-reference/{getclients,addclient,getclientsdetails,updateclient,validatelogin}.md.
 */
export class WhmcsClients {
  constructor(
    private readonly core: WhmcsCore,
    private readonly customFields: WhmcsCustomFieldIds,
  ) {}

  /**
   * The id of the WHMCS client whose email is exactly `email` (case-insensitive), or null.
   * GetClients `search` matches prefixes of several fields, so rows are filtered here.
   * @throws WhmcsError
   */
  async findIdByEmail(email: string): Promise<number | null> {
    const raw = await this.core.read(
      "GetClients",
      { search: email, limitnum: EMAIL_SEARCH_LIMIT },
      getClientsResponseSchema,
    );
    const wanted = email.trim().toLowerCase();
    return raw.clients.find((client) => client.email.trim().toLowerCase() === wanted)?.id ?? null;
  }

  /**
   * Creates the WHMCS client of a portal signup (AddClient, not retried). The customer number is
   * kept in the client's admin notes, the katakana readings in client custom fields; no WHMCS
   * welcome email is sent.
   * @throws WhmcsError `rejected` e.g. when the email is already in use.
   */
  async add(input: NewBillingClient): Promise<{ clientId: number }> {
    // WHMCS 8 requires a password for the user it creates; nobody ever learns this one.
    const unusablePassword = randomBytes(24).toString("base64url");
    const raw = await this.core.write(
      "AddClient",
      toAddClientParams(input, unusablePassword, this.customFields),
      addClientResponseSchema,
    );
    return { clientId: raw.clientid };
  }

  /**
   * The client's billing profile (GetClientsDetails without statistics), or null when WHMCS has
   * no client with that id.
   * @throws WhmcsError
   */
  async get(clientId: number): Promise<BillingClient | null> {
    const raw = await this.core.notFoundAsNull(
      CLIENT_NOT_FOUND,
      // `stats` is left out: PHP would read even "false" as true.
      this.core.read("GetClientsDetails", { clientid: clientId }, getClientsDetailsResponseSchema),
    );
    return (
      raw &&
      this.core.map("GetClientsDetails", () => toBillingClient(raw.client, this.customFields))
    );
  }

  /**
   * Changes the fields present in `patch` (UpdateClient, not retried); does nothing when the
   * patch is empty.
   * @throws WhmcsError `rejected` e.g. "Client ID Not Found", "Duplicate Email Address".
   */
  async update(clientId: number, patch: BillingClientPatch): Promise<void> {
    const params = toUpdateClientParams(patch, this.customFields);
    if (Object.values(params).every((value) => value === undefined)) {
      return;
    }
    await this.core.write(
      "UpdateClient",
      { clientid: clientId, ...params, skipvalidation: "true" },
      updateClientResponseSchema,
    );
  }

  /**
   * Changes the client's e-mail address (UpdateClient `email`, not retried).
   * @returns `"email-in-use"` when WHMCS refuses it because another client has it ("Duplicate
   *   Email Address"), else `"changed"`.
   * @throws WhmcsError for any other failure.
   */
  async changeEmail(clientId: number, email: string): Promise<"changed" | "email-in-use"> {
    const changed = await this.core.notFoundAsNull(
      DUPLICATE_EMAIL,
      this.update(clientId, { email }).then(() => "changed" as const),
    );
    return changed ?? "email-in-use";
  }

  /**
   * Checks a customer's WHMCS client-area login (ValidateLogin with `email` and `password2`):
   * the id of the client whose owner user it is, or null when WHMCS refuses the credentials or
   * they belong to a sub-account. The password is sent to WHMCS once per attempt (retried only on
   * transient failures, as reads are) and kept nowhere.
   * @throws WhmcsError when WHMCS is unreachable or answers anything but success or
   *   "Email or Password Invalid".
   */
  async validateLogin(email: string, password: string): Promise<number | null> {
    const raw = await this.core.notFoundAsNull(
      LOGIN_INVALID,
      this.core.read("ValidateLogin", { email, password2: password }, validateLoginResponseSchema),
    );
    return raw && toValidatedClientId(raw);
  }
}
