import { z } from "zod";
import { whmcsFlagSchema, whmcsIntSchema } from "./scalars.js";

/**
 * ValidateLogin answer when the email and `password2` match a user: the client id, the contact
 * id when the credentials are a sub-account's, a session token (`passwordhash`, absent when
 * two-factor authentication is required) and whether two-factor is enabled. The reference
 * example sends every value as a string (`"1"`, `"false"`); the table types them int/bool.
 * A mismatch is an error answer ("Email or Password Invalid").
 * Source: WHMCS/developer-docs api-reference/validatelogin.md.
 */
export const validateLoginResponseSchema = z.object({
  userid: whmcsIntSchema,
  contactid: whmcsIntSchema.optional(),
  passwordhash: z.string().optional(),
  twoFactorEnabled: z.union([whmcsFlagSchema, z.enum(["true", "false"])]).optional(),
});
export type ValidateLoginResponse = z.output<typeof validateLoginResponseSchema>;
