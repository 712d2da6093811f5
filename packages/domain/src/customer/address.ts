import { z } from "zod";
import { toHalfWidth } from "../common/half-width.js";
import { plainTextSchema } from "../common/plain-text.js";
import { prefectureSchema } from "./prefectures.js";

/**
 * A Japanese postal code, accepted as `1500001` or `150-0001` (also full-width digits and any
 * dash, see `toHalfWidth`) and normalised to `150-0001`.
 */
export const postcodeSchema = z
  .string()
  .trim()
  .transform(toHalfWidth)
  .pipe(
    z
      .string()
      .regex(/^\d{3}-?\d{4}$/, "Enter a 7-digit postcode such as 150-0001")
      .transform(
        (value) => `${value.replace("-", "").slice(0, 3)}-${value.replace("-", "").slice(3)}`,
      ),
  );

/**
 * A customer's address in Japan, the shape the portal collects at signup and stores in WHMCS
 * (authoritative): postcode → WHMCS `postcode`, prefecture → `state`, city → `city`,
 * street → `address1`, building/room → `address2`, country always `JP`.
 * Source: seeds "Required address at signup"; WHMCS AddClient parameters.
 */
export const addressSchema = z.object({
  postcode: postcodeSchema,
  prefecture: prefectureSchema,
  city: plainTextSchema().min(1, "Enter the city or ward").max(100, "City is too long"),
  street: plainTextSchema()
    .min(1, "Enter the street and block number")
    .max(200, "Street is too long"),
  building: plainTextSchema().max(200, "Building and room is too long").default(""),
  country: z.literal("JP").default("JP"),
});
export type Address = z.infer<typeof addressSchema>;
/** What a form holds before parsing (postcode not yet normalised, optional parts absent). */
export type AddressInput = z.input<typeof addressSchema>;
