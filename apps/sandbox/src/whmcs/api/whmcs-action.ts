import type { Clock } from "../../server/clock.js";
import type { VersionedStore } from "../../state/versioned-store.js";
import type { WhmcsState } from "../state/whmcs-state.js";
import type { SsoTokens } from "../client-area/sso-tokens.js";
import type { ActionParams } from "./action-params.js";
import type { WireValue } from "./wire-format.js";

/** What an action handler may use. */
export interface WhmcsContext {
  readonly store: VersionedStore<WhmcsState>;
  readonly clock: Clock;
  /** Base URL of the WHMCS installation as clients reach it (no trailing slash). */
  readonly baseUrl: () => string;
  readonly ssoTokens: SsoTokens;
}

/** A successful answer: `result: "success"` and the action's fields. */
export type WhmcsAnswer = { result: "success" } & Record<string, WireValue>;

/**
 * One External API action. Refusals are thrown as `WhmcsActionError` (answered as
 * `{"result":"error","message":…}`).
 */
export type WhmcsAction = (
  params: ActionParams,
  context: WhmcsContext,
) => WhmcsAnswer | Promise<WhmcsAnswer>;
