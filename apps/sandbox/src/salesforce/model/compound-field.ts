import type { SfFieldType } from "./sobject-type.js";

/**
 * One component of a compound field: its name inside the compound (`City`), the object's field
 * holding it (`BillingCity`; null for a component the sandbox does not store, such as an
 * address's geocode, which is then always null) and its type.
 */
export interface CompoundComponent {
  readonly name: string;
  readonly field: string | null;
  readonly type: Extract<SfFieldType, "string" | "double">;
}

/**
 * A compound field (`BillingAddress`): several of the object's fields that Change Data Capture
 * sends as one nested record named `recordName` (`Address`) with the components in order, and
 * names in `changedFields` as `BillingAddress.City`.
 * Source: vendor-facts §2.3–2.4; Change Data Capture Developer Guide, "Get Compound Fields in
 * Change Events".
 */
export interface CompoundFieldDescriptor {
  readonly name: string;
  readonly recordName: string;
  readonly components: readonly CompoundComponent[];
}

/**
 * The standard address compound `<prefix>Address` over `<prefix>Street` … `<prefix>Country`, with
 * the geocode components Salesforce adds (`Latitude`, `Longitude`, `GeocodeAccuracy`; never set
 * in the sandbox). No `StateCode`/`CountryCode`: the org does not enable state and country
 * picklists. Source: Change Data Capture Developer Guide, "Get Compound Fields in Change Events"
 * (the Account example's `BillingAddress`).
 */
export function addressCompound(prefix: "Billing" | "Shipping"): CompoundFieldDescriptor {
  return {
    name: `${prefix}Address`,
    recordName: "Address",
    components: [
      { name: "Street", field: `${prefix}Street`, type: "string" },
      { name: "City", field: `${prefix}City`, type: "string" },
      { name: "State", field: `${prefix}State`, type: "string" },
      { name: "PostalCode", field: `${prefix}PostalCode`, type: "string" },
      { name: "Country", field: `${prefix}Country`, type: "string" },
      { name: "Latitude", field: null, type: "double" },
      { name: "Longitude", field: null, type: "double" },
      { name: "GeocodeAccuracy", field: null, type: "string" },
    ],
  };
}
