import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { SandboxServices } from "../../server/sandbox-services.js";
import { PRICEBOOK_ENTRY } from "../model/pricebook-entry.js";
import { PRODUCT2 } from "../model/product2.js";

const idParamsSchema = z.object({ id: z.string().min(15).max(18) });
const entryBodySchema = z
  .object({ unitPrice: z.number().int().min(0), isActive: z.boolean() })
  .partial()
  .refine((body) => Object.keys(body).length > 0, "give unitPrice or isActive");
const productBodySchema = z
  .object({ visible: z.boolean(), isActive: z.boolean() })
  .partial()
  .refine((body) => Object.keys(body).length > 0, "give visible or isActive");

/**
 * The API version the console's edits are recorded under in the change log (`changeOrigin`): they
 * take the same path as a REST PATCH from a client of that version.
 */
const CONSOLE_API_VERSION = "65.0";

/**
 * The console's catalog controls, what staff do in Salesforce's product screens:
 * - `PATCH /__control/salesforce/pricebook-entries/:id` `{ unitPrice?: yen (integer, tax
 *   excluded), isActive?: boolean }` → 204: a price book entry's `UnitPrice` / `IsActive`;
 * - `PATCH /__control/salesforce/products/:id` `{ visible?: boolean, isActive?: boolean }` → 204: a
 *   product's `Portal_Visible__c` / `IsActive`.
 * Each is one record update through `SObjectRecords.update`, so it lands in the change log exactly
 * as the REST API's `PATCH sobjects/{Type}/{Id}` does. Unknown ids → 404; bad bodies → 400.
 */
export function registerCatalogControlRoutes(
  app: FastifyInstance,
  services: SandboxServices,
): void {
  app.patch("/salesforce/pricebook-entries/:id", async (request, reply) => {
    const { id } = idParamsSchema.parse(request.params);
    const body = entryBodySchema.parse(request.body);
    await services.records.update(
      PRICEBOOK_ENTRY,
      id,
      {
        ...(body.unitPrice === undefined ? {} : { UnitPrice: body.unitPrice }),
        ...(body.isActive === undefined ? {} : { IsActive: body.isActive }),
      },
      { apiVersion: CONSOLE_API_VERSION },
    );
    return reply.code(204).send();
  });

  app.patch("/salesforce/products/:id", async (request, reply) => {
    const { id } = idParamsSchema.parse(request.params);
    const body = productBodySchema.parse(request.body);
    await services.records.update(
      PRODUCT2,
      id,
      {
        ...(body.visible === undefined ? {} : { Portal_Visible__c: body.visible }),
        ...(body.isActive === undefined ? {} : { IsActive: body.isActive }),
      },
      { apiVersion: CONSOLE_API_VERSION },
    );
    return reply.code(204).send();
  });
}
