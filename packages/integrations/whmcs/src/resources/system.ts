import { type WhmcsCore } from "../core/whmcs-core.js";
import { whmcsDetailsResponseSchema } from "../raw/system.js";

/** `whmcs.system`: the installation itself, for health checks. */
export class WhmcsSystem {
  constructor(private readonly core: WhmcsCore) {}

  /**
   * Health probe: one authenticated WhmcsDetails call, not retried so a health check answers
   * within one timeout. Resolves when WHMCS answers and accepts the credentials.
   * Source: WHMCS/developer-docs api-reference/whmcsdetails.md.
   * @throws WhmcsError
   */
  async ping(): Promise<void> {
    await this.core.probe("WhmcsDetails", {}, whmcsDetailsResponseSchema);
  }
}
