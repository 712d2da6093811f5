import {
  customerProfileSchema,
  type AddressUpdate,
  type CustomerProfile,
  type ProfileUpdate,
} from "@portal/domain";
import { apiRequest } from "@/lib/api/client";

/**
 * `PATCH /api/me/address`: replaces the customer's address (WHMCS first, then Salesforce).
 * @throws ApiClientError `VALIDATION_FAILED` with `fields`; upstream errors (502/503: nothing changed).
 */
export function updateAddress(address: AddressUpdate): Promise<CustomerProfile> {
  return apiRequest("/me/address", {
    method: "PATCH",
    body: address,
    schema: customerProfileSchema,
  });
}

/**
 * `PATCH /api/me`: changes names, their katakana readings and/or phone in WHMCS (then the
 * Salesforce Contact).
 * @throws ApiClientError `VALIDATION_FAILED` with `fields`; upstream errors (502/503: nothing changed).
 */
export function updateProfile(patch: ProfileUpdate): Promise<CustomerProfile> {
  return apiRequest("/me", { method: "PATCH", body: patch, schema: customerProfileSchema });
}
