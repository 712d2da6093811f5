import { z } from "zod";

/**
 * Where a customer's service (a subscription: a fibre line, a SIM, a VPN router) stands, in plain
 * terms: `pending` (ordered, not yet set up), `active`, `suspended`, `terminated` (ended by the
 * provider), `cancelled` (ended at the customer's request), `completed` (a one-off that is done),
 * `fraud`. Mapped from the WHMCS service status. Source: DESIGN.md §1, §6; docs.whmcs.com
 * "Products and Services" (service statuses).
 */
export const serviceStatusSchema = z.enum([
  "pending",
  "active",
  "suspended",
  "terminated",
  "cancelled",
  "completed",
  "fraud",
]);
export type ServiceStatus = z.infer<typeof serviceStatusSchema>;
