import { z } from "zod";
import { isoDateTimeSchema } from "../common/iso-date.js";
import { addressSchema } from "./address.js";

/**
 * The signed-in customer as `GET /api/me` returns it: portal identity joined with the WHMCS
 * client profile (names, phone and address are authoritative in WHMCS).
 */
export const customerProfileSchema = z.object({
  id: z.string(),
  email: z.email(),
  firstName: z.string(),
  lastName: z.string(),
  phone: z.string(),
  customerNumber: z.string(),
  address: addressSchema.nullable(),
  createdAt: isoDateTimeSchema,
});
export type CustomerProfile = z.infer<typeof customerProfileSchema>;
