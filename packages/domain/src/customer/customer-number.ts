import { z } from "zod";
import { toHalfWidth } from "../common/half-width.js";

/**
 * The customer number printed on the customer's contract: the Salesforce Account field
 * `SF_Account_No__c`, 6–10 digits; full-width digits are accepted and normalised (`toHalfWidth`).
 * Source: seeds "Sign-up: portal verifies the customer number"; DESIGN.md §10.
 */
export const customerNumberSchema = z
  .string()
  .overwrite(toHalfWidth)
  .trim()
  .regex(/^\d{6,10}$/, "Enter your customer number (6 to 10 digits)");
