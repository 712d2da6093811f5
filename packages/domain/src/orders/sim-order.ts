import { z } from "zod";
import { simTypeSchema } from "../catalog/catalog-item.js";
import { toHalfWidth } from "../common/half-width.js";
import { kanaReadingSchema } from "../customer/kana-reading.js";

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

/** A name as the Order's MNP fields hold it (Text 80, docs/setup/real-systems.md "Orders"). */
const mnpNameSchema = z.string().trim().min(1).max(80);

/**
 * Mobile number portability (MNP): the reservation number from the previous carrier (10 digits,
 * full-width accepted), its expiry (`YYYY-MM-DD`), the contract holder's name in kanji (at most
 * 80 characters, the Order field's length) and katakana (normalised like every reading), birthday
 * and gender — what the MVNO (Freebit) needs to port the number. That the expiry is not past and
 * the birthday is, checkout checks against its clock. Source: issue 7 "Checkout and orders";
 * DESIGN.md §4; 総務省「MNPの手続」(the MNP reservation number has 10 digits).
 */
export const mnpDetailsSchema = z.object({
  reservationNumber: z
    .string()
    .transform((value) => toHalfWidth(value).replace(/[\s-]/g, ""))
    .pipe(
      z
        .string()
        .min(1)
        .regex(/^\d{10}$/, "Enter the 10-digit MNP reservation number"),
    ),
  expiresOn: z.iso.date(),
  lastName: mnpNameSchema,
  firstName: mnpNameSchema,
  lastNameKana: kanaReadingSchema("family name").max(80),
  firstNameKana: kanaReadingSchema("given name").max(80),
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
