import { type Address } from "./address.js";

/**
 * Whether two parsed addresses name the same place: equal postcode, prefecture, city, street and
 * building after the schema's normalisation (half-width digits, `150-0001` postcodes, trimmed
 * text). Letter case and spacing inside the text still count: when in doubt, they differ.
 */
export function sameAddress(a: Address, b: Address): boolean {
  return (
    a.postcode === b.postcode &&
    a.prefecture === b.prefecture &&
    a.city === b.city &&
    a.street === b.street &&
    a.building === b.building
  );
}
