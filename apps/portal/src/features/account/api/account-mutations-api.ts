import { customerProfileSchema, type AddressUpdate, type CustomerProfile } from "@portal/domain";
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
