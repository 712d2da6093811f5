import { type WhmcsCore } from "../core/whmcs-core.js";
import { toClientService, type ClientService } from "../mappers/client-service.js";
import { getClientsProductsResponseSchema } from "../raw/orders.js";

/** Rows asked for per GetClientsProducts page. */
const PAGE_SIZE = 100;

/**
 * `whmcs.services`: a client's services (products) as WHMCS bills them, with their status.
 * Reads only, retried on transient failures. Amounts need the client's currency
 * (`BillingClient.currency`), which GetClientsProducts does not carry.
 * Source: WHMCS/developer-docs api-reference/getclientsproducts.md.
 */
export class WhmcsServices {
  constructor(private readonly core: WhmcsCore) {}

  /** Every service of the client, oldest first (GetClientsProducts, paged). @throws WhmcsError */
  async list(clientId: number, currency: string): Promise<ClientService[]> {
    const services: ClientService[] = [];
    for (let start = 0; ; start += PAGE_SIZE) {
      const page = await this.core.read(
        "GetClientsProducts",
        { clientid: clientId, limitstart: start, limitnum: PAGE_SIZE },
        getClientsProductsResponseSchema,
      );
      services.push(
        ...this.core.map("GetClientsProducts", () =>
          page.products.map((row) => toClientService(row, currency)),
        ),
      );
      if (page.products.length === 0 || start + page.products.length >= page.totalresults) break;
    }
    return services;
  }

  /** One service by id, or null when WHMCS has none. @throws WhmcsError */
  async get(serviceId: number, currency: string): Promise<ClientService | null> {
    const page = await this.core.read(
      "GetClientsProducts",
      { serviceid: serviceId },
      getClientsProductsResponseSchema,
    );
    const row = page.products.find((product) => product.id === serviceId);
    return row ? this.core.map("GetClientsProducts", () => toClientService(row, currency)) : null;
  }
}
