import type { importX509 } from "jose";
import type { Logger } from "pino";
import type { CallCounter } from "../calls/call-counter.js";
import type { FaultRegistry } from "../faults/fault-registry.js";
import type { Mailbox } from "../mail/mailbox.js";
import type { AccessTokens } from "../salesforce/oauth/access-tokens.js";
import type { SObjectRecords } from "../salesforce/model/sobject-records.js";
import type { VersionedStore } from "../state/versioned-store.js";
import type { SalesforceState } from "../salesforce/state/salesforce-state.js";
import type { WhmcsResponseMode, WhmcsState } from "../whmcs/state/whmcs-state.js";
import type { UpstreamSystem } from "../calls/call-counter.js";
import type { ClientSessions } from "../whmcs/client-area/client-sessions.js";
import type { SsoTokens } from "../whmcs/client-area/sso-tokens.js";
import type { InvoicePayments } from "../whmcs/payments/invoice-payments.js";
import type { ClientPayMethods } from "../whmcs/pay-methods/client-pay-methods.js";
import type { WebhookSender } from "../whmcs/webhook/webhook-sender.js";
import type { FreebitActivations } from "../freebit/activations/freebit-activations.js";
import type { AuthKeys } from "../freebit/api/auth-keys.js";
import type { FreebitState } from "../freebit/state/freebit-state.js";
import type { Clock } from "./clock.js";
import type { RequestHolds } from "./request-holds.js";

/**
 * Everything the route plugins share, built once by `startSandbox` and passed to each plugin.
 * Mutable runtime parts (faults, counters, sessions, tokens) live in memory; records live in the
 * persisted per-system stores.
 */
export interface SandboxServices {
  /** The WHMCS stand-in's persisted state. */
  readonly whmcsState: VersionedStore<WhmcsState>;
  /** The Salesforce stand-in's persisted state (records, change log). */
  readonly salesforceState: VersionedStore<SalesforceState>;
  /** The Freebit stand-in's persisted state (lines, activation requests). */
  readonly freebitState: VersionedStore<FreebitState>;
  /** Settles Freebit activations: on their own after a delay, or by hand. */
  readonly freebitActivations: FreebitActivations;
  /** The authKeys Freebit's `authOem` handed out (memory only). */
  readonly freebitAuthKeys: AuthKeys;
  /** The OEM credentials Freebit's `authOem` accepts. */
  readonly freebitCredentials: { readonly oemId: string; readonly oemKey: string };
  readonly clock: Clock;
  readonly logger: Logger;
  readonly faults: FaultRegistry;
  readonly calls: CallCounter;
  readonly holds: RequestHolds;
  readonly webhooks: WebhookSender;
  readonly payments: InvoicePayments;
  /** Pay method changes made on the client area's payment-methods page. */
  readonly payMethods: ClientPayMethods;
  readonly ssoTokens: SsoTokens;
  readonly clientSessions: ClientSessions;
  /** Every message the SMTP stand-in accepted (memory only). */
  readonly mailbox: Mailbox;
  /** The SMTP stand-in's `smtp://host:port`; known once listening. */
  readonly smtpUrl: () => string;
  readonly records: SObjectRecords;
  readonly accessTokens: AccessTokens;
  /** Each stand-in's base URL as clients configure it (no trailing slash); known once listening. */
  readonly urls: () => Readonly<Record<UpstreamSystem, string>>;
  /** How the WHMCS External API encodes numbers and flags; switchable at run time. */
  readonly whmcsResponseMode: { current: WhmcsResponseMode };
  /** Portal base URL for the client area's "Back to portal" link (no trailing slash). */
  readonly returnUrl: string;
  readonly whmcsCredentials: { readonly identifier: string; readonly secret: string };
  readonly salesforceCredentials: {
    readonly clientId: string;
    readonly username: string;
    /** Public key of the connected app's certificate, verifying JWT assertions (RS256). */
    readonly certificateKey: Awaited<ReturnType<typeof importX509>>;
  };
  /** Reseeds the demo data and clears faults, counters, SSO tokens, client sessions and the mailbox. */
  readonly reset: () => Promise<void>;
}
