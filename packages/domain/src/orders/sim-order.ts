import { z } from "zod";
import { simTypeSchema } from "../catalog/catalog-item.js";
import { toHalfWidth } from "../common/half-width.js";

/**
 * An eSIM device's EID: 32 digits (full-width digits and spaces accepted and normalised).
 * Source: GSMA SGP.29 (EID: 32 decimal digits); issue 7 "eSIM needs the device's EID, 32 digits".
 */
export const eidSchema = z
  .string()
  .transform((value) => toHalfWidth(value).replace(/\s/g, ""))
  .pipe(z.string().regex(/^\d{32}$/, "Enter the 32-digit EID of the device"));

/** Gender as the mobile network's number-porting request records it. */
export const mnpGenderSchema = z.enum(["male", "female", "corporate"]);
export type MnpGender = z.infer<typeof mnpGenderSchema>;

/**
 * Mobile number portability (MNP): the reservation number from the previous carrier, its expiry
 * (`YYYY-MM-DD`), the contract holder's name in kanji and katakana, birthday and gender — what the
 * MVNO (Freebit) needs to port the number. Source: issue 7 "Checkout and orders"; DESIGN.md §4.
 */
export const mnpDetailsSchema = z.object({
  reservationNumber: z.string().min(1),
  expiresOn: z.iso.date(),
  lastName: z.string().min(1),
  firstName: z.string().min(1),
  lastNameKana: z.string().min(1),
  firstNameKana: z.string().min(1),
  birthdate: z.iso.date(),
  gender: mnpGenderSchema,
});
export type MnpDetails = z.infer<typeof mnpDetailsSchema>;

/** The SIM part of an order: its type, the EID for an eSIM, and MNP when a number is ported. */
export const simOrderDetailsSchema = z.object({
  simType: simTypeSchema,
  eid: z.string().nullable(),
  mnp: mnpDetailsSchema.nullable(),
});
export type SimOrderDetails = z.infer<typeof simOrderDetailsSchema>;
