import type { CompoundFieldDescriptor } from "./compound-field.js";
import type { RecordSource } from "./sobject-records.js";
import type { SfRecord, SfValue } from "../state/salesforce-state.js";

/**
 * Field types the sandbox models, named as Salesforce describe calls name them. Text-like types
 * (`string`, `textarea`, `email`, `phone`, `picklist`, `id`, `reference`) carry JSON strings;
 * `int`/`double`/`currency` numbers; `boolean` booleans; `date` `YYYY-MM-DD`; `datetime`
 * `YYYY-MM-DDTHH:MM:SS.sss+0000`.
 */
export type SfFieldType =
  | "id"
  | "reference"
  | "string"
  | "textarea"
  | "email"
  | "phone"
  | "picklist"
  | "boolean"
  | "int"
  | "double"
  | "currency"
  | "date"
  | "datetime";

/** One field of an sObject type (a subset of Salesforce's describe metadata). */
export interface SfFieldDescriptor {
  /** API name with its canonical casing, as responses spell it. */
  readonly name: string;
  readonly type: SfFieldType;
  /** Whether the API may set it on create / update (false for system and formula fields). */
  readonly createable: boolean;
  readonly updateable: boolean;
  /** Must have a value on create (Salesforce: not nillable, no default). */
  readonly required?: boolean;
  /** Allowed values of a restricted picklist. */
  readonly picklistValues?: readonly string[];
  /** For lookups: the parent sObject type and the relationship name SOQL paths use. */
  readonly referenceTo?: string;
  readonly relationshipName?: string;
  /** For lookups: the parent's name for the list of children (`Contacts` for Contact.AccountId), used by sub-queries. */
  readonly childRelationshipName?: string;
  /**
   * An auto-number field (Case `CaseNumber`, Order `OrderNumber`): read-only, set on create to the next number of its
   * type as 8 zero-padded digits (`00001001`), never reused (Salesforce display format
   * `{00000000}`).
   */
  readonly autoNumber?: boolean;
  /** The value a create without this field gets (picklist defaults such as Case `Status` `New`). */
  readonly defaultValue?: SfValue;
  /**
   * A custom field marked External ID (describe `externalId`) and Unique: no two live records of
   * the type hold the same non-empty value (compared case-sensitively, as the field's "treat
   * "ABC" and "abc" as different values" option sets it). Source: Salesforce Help, "Custom Field
   * Attributes" (External ID, Unique).
   */
  readonly uniqueExternalId?: boolean;
  /** Derived on read from other fields (e.g. Contact `Name`). */
  readonly formula?: (record: SfRecord) => SfValue;
}

/**
 * Field History Tracking of a type: changes to `fields` are written as rows of `historyType`
 * (e.g. `OrderHistory`) whose `parentField` (e.g. `OrderId`) names the record, with `Field`,
 * `OldValue`, `NewValue` and `CreatedDate`; creating the record writes one row with `Field =
 * "created"`. Source: Salesforce Help "Field History Tracking"; Object Reference "OrderHistory".
 */
export interface HistoryTracking {
  readonly historyType: string;
  readonly parentField: string;
  readonly fields: readonly string[];
}

/** An sObject type: its name, id key prefix and fields. Add new types as new descriptors. */
export interface SObjectDescriptor {
  readonly name: string;
  /** Singular and plural labels (describe). */
  readonly label: string;
  readonly labelPlural: string;
  /** First three characters of every record id of this type (`001` Account, `003` Contact). */
  readonly keyPrefix: string;
  readonly fields: readonly SfFieldDescriptor[];
  /**
   * Compound fields over some of `fields` (the Order's `BillingAddress`), as Change Data Capture
   * sends them; REST and SOQL use the component fields.
   */
  readonly compoundFields?: readonly CompoundFieldDescriptor[];
  /**
   * The type's own rules for a new record, checked after field validation with the coerced
   * values and the existing records (e.g. a custom price book entry needs a standard price).
   * Throws `SalesforceApiError` to refuse.
   */
  readonly checkCreate?: (values: Readonly<SfRecord>, source: RecordSource) => void;
  /** Tracked fields and where their history goes, when the org tracks this type's history. */
  readonly historyTracking?: HistoryTracking;
  /**
   * The org's record-triggered automation after an update (a Flow on a real org), run inside the
   * update's transaction with the record before and after; it may publish platform events
   * (`publish(eventName, fields)`), which commit or roll back with the update.
   */
  readonly afterUpdate?: (
    before: Readonly<SfRecord>,
    after: Readonly<SfRecord>,
    publish: (eventName: string, fields: Readonly<Record<string, SfValue>>) => void,
  ) => void;
}

/** Case-insensitive field lookup (SOQL and REST field names are case-insensitive). */
export function findField(type: SObjectDescriptor, name: string): SfFieldDescriptor | undefined {
  const wanted = name.toLowerCase();
  return type.fields.find((field) => field.name.toLowerCase() === wanted);
}

/** The lookup field whose relationship name is `name` (e.g. `Account` → `AccountId`). */
export function findRelationship(
  type: SObjectDescriptor,
  name: string,
): SfFieldDescriptor | undefined {
  const wanted = name.toLowerCase();
  return type.fields.find((field) => field.relationshipName?.toLowerCase() === wanted);
}

/** The value of `field` on `record`: computed for formula fields, stored otherwise (null if unset). */
export function readField(field: SfFieldDescriptor, record: SfRecord): SfValue {
  return field.formula ? field.formula(record) : (record[field.name] ?? null);
}
