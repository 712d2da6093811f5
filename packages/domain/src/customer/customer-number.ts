import { z } from "zod";

/**
 * The customer number printed on the customer's contract: the Salesforce Account field
 * `SF_Account_No__c`, 6–10 digits. Source: seeds "Sign-up: portal verifies the customer number".
 */
export const customerNumberSchema = z
  .string()
  .trim()
  .regex(/^\d{6,10}$/, "Enter your customer number (6 to 10 digits)");
