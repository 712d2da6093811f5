import { postcodeLookupResultSchema, type PostcodeLookupResult } from "@portal/domain";
import { apiRequest } from "@/lib/api/client";

/**
 * `GET /api/address/lookup?postcode=`: the addresses Japan Post lists for `postcode` (any
 * spelling the domain's `postcodeSchema` accepts).
 * @throws ApiClientError `VALIDATION_FAILED` for a malformed postcode, `NOT_FOUND` for an unknown one.
 */
export function lookupPostcode(postcode: string): Promise<PostcodeLookupResult> {
  return apiRequest(`/address/lookup?${new URLSearchParams({ postcode }).toString()}`, {
    schema: postcodeLookupResultSchema,
  });
}
