import { z } from "zod";
import { whmcsIntSchema, whmcsWrappedListSchema } from "./scalars.js";

/*
 * Client actions. Source: WHMCS/developer-docs api-reference/addclient.md, getclients.md,
 * getclientsdetails.md, updateclient.md (example responses, flattened there, nested on the wire).
 */

/** WHMCS client status values (GetClients `status` parameter: Active, Inactive, Closed). */
export const whmcsClientStatusSchema = z.enum(["Active", "Inactive", "Closed"]);

/** AddClient answer: the new client's id. */
export const addClientResponseSchema = z.object({
  clientid: whmcsIntSchema,
});
export type AddClientResponse = z.output<typeof addClientResponseSchema>;

/** One row of GetClients `clients.client[]`. */
export const whmcsClientRowSchema = z.object({
  id: whmcsIntSchema,
  firstname: z.string(),
  lastname: z.string(),
  companyname: z.string().optional(),
  email: z.string(),
  datecreated: z.string().optional(),
  groupid: whmcsIntSchema.optional(),
  status: whmcsClientStatusSchema,
});
export type WhmcsClientRow = z.output<typeof whmcsClientRowSchema>;

/** GetClients answer (`clients` is `{ client: [...] }`, or empty when nothing matches). */
export const getClientsResponseSchema = z.object({
  totalresults: whmcsIntSchema,
  startnumber: whmcsIntSchema.optional(),
  numreturned: whmcsIntSchema.optional(),
  clients: whmcsWrappedListSchema("client", whmcsClientRowSchema),
});
export type GetClientsResponse = z.output<typeof getClientsResponseSchema>;

/** GetClientsDetails `client`: the fields the portal reads. */
export const whmcsClientDetailsSchema = z.object({
  id: whmcsIntSchema,
  firstname: z.string(),
  lastname: z.string(),
  email: z.string(),
  address1: z.string(),
  address2: z.string(),
  city: z.string(),
  state: z.string(),
  postcode: z.string(),
  countrycode: z.string(),
  phonenumber: z.string(),
  currency: whmcsIntSchema,
  currency_code: z.string(),
  status: whmcsClientStatusSchema,
  notes: z.string().optional(),
  /** The client's custom field values, `[{ id, value }]` (`[]` when it has none). */
  customfields: z
    .array(z.object({ id: whmcsIntSchema, value: z.string() }))
    .optional()
    .default([]),
});
export type WhmcsClientDetails = z.output<typeof whmcsClientDetailsSchema>;

/** GetClientsDetails answer (called with `stats=false`, so `stats` is ignored). */
export const getClientsDetailsResponseSchema = z.object({
  client: whmcsClientDetailsSchema,
});
export type GetClientsDetailsResponse = z.output<typeof getClientsDetailsResponseSchema>;

/** UpdateClient answer: the example shows the client's id, the response table only `result`. */
export const updateClientResponseSchema = z.object({
  clientid: whmcsIntSchema.optional(),
});
export type UpdateClientResponse = z.output<typeof updateClientResponseSchema>;
