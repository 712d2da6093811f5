import { z } from "zod";
import { plainTextSchema } from "../common/plain-text.js";
import { addressSchema } from "./address.js";
import { firstNameKanaSchema, lastNameKanaSchema } from "./kana-reading.js";
import { phoneSchema } from "./phone.js";

/**
 * `PATCH /api/me` body: the profile fields a customer changes themselves — names, their katakana
 * readings, phone (WHMCS is authoritative; the Salesforce Contact follows). At least one field; an absent field is left as it is. The e-mail address is
 * not here: it changes only through the verified e-mail change.
 */
export const profileUpdateSchema = z
  .object({
    lastName: plainTextSchema()
      .min(1, "Enter your last name")
      .max(100, "Last name is too long")
      .optional(),
    firstName: plainTextSchema()
      .min(1, "Enter your first name")
      .max(100, "First name is too long")
      .optional(),
    lastNameKana: lastNameKanaSchema.optional(),
    firstNameKana: firstNameKanaSchema.optional(),
    phone: phoneSchema.optional(),
    /** Refused by name: the address changes only through the verified e-mail change. */
    email: z
      .never({ error: "Change your e-mail address with the verified e-mail change" })
      .optional(),
  })
  .strict()
  .refine(
    (patch) => Object.values(patch).some((value) => value !== undefined),
    "Change at least one field",
  );
export type ProfileUpdate = z.infer<typeof profileUpdateSchema>;

/** `PATCH /api/me/address` body: the whole new address ({@link addressSchema}). */
export const addressUpdateSchema = addressSchema;
export type AddressUpdate = z.infer<typeof addressUpdateSchema>;
