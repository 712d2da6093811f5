import { z } from "zod";

/**
 * Where an order stands, in plain terms: `draft` (not yet submitted), `pending_review` (placed,
 * waiting for staff), `approved` (staff approved it; fulfilment runs), `activated` (the services
 * are live), `cancelled`. Mapped from Salesforce Order `Status`. Source: DESIGN.md §4, §6.
 */
export const orderStatusSchema = z.enum([
  "draft",
  "pending_review",
  "approved",
  "activated",
  "cancelled",
]);
export type OrderStatus = z.infer<typeof orderStatusSchema>;

/**
 * How far setting up the ordered services has come: `not_started`, `activating`, `activated`,
 * `failed` (staff see the error code and message). Mapped from Salesforce `Activation_Status__c`;
 * an order without a value is `not_started`. Source: DESIGN.md §4, §6 step 4.
 */
export const activationStatusSchema = z.enum(["not_started", "activating", "activated", "failed"]);
export type ActivationStatus = z.infer<typeof activationStatusSchema>;
