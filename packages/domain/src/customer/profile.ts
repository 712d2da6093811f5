import { z } from "zod";
import { isoDateTimeSchema } from "../common/iso-date.js";
import { addressSchema } from "./address.js";

/**
 * The signed-in customer as `GET /api/me` returns it: portal identity joined with the WHMCS
 * client profile (names, phone and address are authoritative in WHMCS). `lastNameKana` /
 * `firstNameKana` are the katakana readings (WHMCS client custom fields), `""` when none is on
 * record (a client created outside the portal).
 */
export const customerProfileSchema = z.object({
  id: z.string(),
  email: z.email(),
  firstName: z.string(),
  lastName: z.string(),
  lastNameKana: z.string(),
  firstNameKana: z.string(),
  phone: z.string(),
  customerNumber: z.string(),
  address: addressSchema.nullable(),
  createdAt: isoDateTimeSchema,
});
export type CustomerProfile = z.infer<typeof customerProfileSchema>;
