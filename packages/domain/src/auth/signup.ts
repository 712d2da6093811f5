import { z } from "zod";
import { plainTextSchema } from "../common/plain-text.js";
import { addressSchema } from "../customer/address.js";
import { customerNumberSchema } from "../customer/customer-number.js";
import { firstNameKanaSchema, lastNameKanaSchema } from "../customer/kana-reading.js";
import { phoneSchema } from "../customer/phone.js";
import { newPasswordSchema } from "./password.js";
import { signupCodeSchema } from "./signup-code.js";

/**
 * `POST /api/auth/signup` body. `code` is the one sent to `email` by `POST /api/auth/signup/start`;
 * the customer number must exist in Salesforce (`Account.SF_Account_No__c`) with `phone` on its
 * Account or a Contact (the fact that proves the contract, decision 0037) and have no portal user
 * yet; the address is required because WHMCS is the authoritative address store. The katakana
 * readings of the names go to WHMCS client custom fields and the Salesforce Contact.
 * Source: seeds "Sign-up" flow; issue 5 §1, §3.
 */
export const signupRequestSchema = z.object({
  customerNumber: customerNumberSchema,
  firstName: plainTextSchema().min(1, "Enter your first name").max(100, "First name is too long"),
  lastName: plainTextSchema().min(1, "Enter your last name").max(100, "Last name is too long"),
  lastNameKana: lastNameKanaSchema,
  firstNameKana: firstNameKanaSchema,
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address")),
  phone: phoneSchema,
  code: signupCodeSchema,
  password: newPasswordSchema,
  address: addressSchema,
});
export type SignupRequest = z.infer<typeof signupRequestSchema>;
export type SignupRequestInput = z.input<typeof signupRequestSchema>;
