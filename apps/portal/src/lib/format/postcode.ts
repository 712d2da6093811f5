/**
 * A Japanese postcode as it is written on letters and forms: `〒150-0001` (the postal mark, then
 * the 3-4 digits). The portal stores postcodes normalised to `150-0001` (`postcodeSchema`).
 */
export function formatPostcode(postcode: string): string {
  return `〒${postcode}`;
}
