import { createHash } from "node:crypto";
import avro from "avsc";
import type { PlatformEventDescriptor } from "../model/order-fulfilment-requested.js";
import type { SfFieldDescriptor, SObjectDescriptor } from "../model/sobject-type.js";

/** An event's Avro schema as `GetSchema` serves it, with its compiled `avsc` type. */
export interface EventSchema {
  /** Stable id: the first 22 characters of the base64url SHA-256 of `json` (Salesforce's ids are 22-character fingerprints). */
  readonly id: string;
  /** The schema, JSON (`SchemaInfo.schema_json`). */
  readonly json: string;
  /** Top-level field names in schema order: the positions the field bitmaps index. */
  readonly fieldNames: readonly string[];
  readonly type: avro.Type;
}

const NAMESPACE = "com.sforce.eventbus";

/**
 * `ChangeEventHeader` as Salesforce's CDC schemas define it, fields in the documented order,
 * `changeType` an Avro enum. Source: vendor-facts §2.1, §2.4.
 */
const CHANGE_EVENT_HEADER = {
  type: "record",
  name: "ChangeEventHeader",
  namespace: NAMESPACE,
  fields: [
    { name: "entityName", type: "string" },
    { name: "recordIds", type: { type: "array", items: "string" } },
    {
      name: "changeType",
      type: {
        type: "enum",
        name: "ChangeType",
        namespace: NAMESPACE,
        symbols: [
          "CREATE",
          "UPDATE",
          "DELETE",
          "UNDELETE",
          "GAP_CREATE",
          "GAP_UPDATE",
          "GAP_DELETE",
          "GAP_UNDELETE",
          "GAP_OVERFLOW",
          "SNAPSHOT",
        ],
      },
    },
    { name: "changeOrigin", type: "string" },
    { name: "transactionKey", type: "string" },
    { name: "sequenceNumber", type: "int" },
    { name: "commitTimestamp", type: "long" },
    { name: "commitNumber", type: "long" },
    { name: "commitUser", type: "string" },
    { name: "nulledFields", type: { type: "array", items: "string" } },
    { name: "diffFields", type: { type: "array", items: "string" } },
    { name: "changedFields", type: { type: "array", items: "string" } },
  ],
};

/** Fields a change event body does not carry: the id is in `recordIds`, the rest is bookkeeping. */
const NOT_IN_BODY = new Set(["Id", "IsDeleted", "SystemModstamp"]);

/**
 * The Avro type of a field: text-like → `string`, `boolean`, `int`, `double`/`currency` →
 * `double`, `datetime` → `long` (epoch ms), `date` → `int` with logical type `date` (days since
 * 1970-01-01). Source: vendor-facts §2.2, §2.4.
 */
function avroTypeOf(field: SfFieldDescriptor): unknown {
  switch (field.type) {
    case "boolean":
      return "boolean";
    case "int":
      return "int";
    case "double":
    case "currency":
      return "double";
    case "datetime":
      return "long";
    case "date":
      return { type: "int", logicalType: "date" };
    default:
      return "string";
  }
}

/** The body fields of `type`'s change events, in describe order. */
export function changeEventBodyFields(type: SObjectDescriptor): readonly SfFieldDescriptor[] {
  return type.fields.filter((field) => !field.formula && !NOT_IN_BODY.has(field.name));
}

/**
 * The schema of `<Type>ChangeEvent` (e.g. `OrderChangeEvent`): record in namespace
 * `com.sforce.eventbus`, first field `ChangeEventHeader`, then every body field as
 * `["null", <type>]` with default null, as Salesforce lays out CDC schemas (vendor-facts §2.4).
 * Compound fields (`BillingAddress`) are not modelled: the address parts are plain fields.
 */
export function changeEventSchema(type: SObjectDescriptor): EventSchema {
  return compile({
    type: "record",
    name: `${type.name}ChangeEvent`,
    namespace: NAMESPACE,
    fields: [
      { name: "ChangeEventHeader", type: CHANGE_EVENT_HEADER },
      ...changeEventBodyFields(type).map((field) => ({
        name: field.name,
        type: ["null", avroTypeOf(field)],
        default: null,
      })),
    ],
  });
}

/**
 * The schema of platform event `event`: `CreatedDate` (`long`, epoch ms), `CreatedById`
 * (`string`), then each custom field as `["null", "string"]` with default null — the shape
 * Salesforce serves for custom platform events (vendor-facts §2.4, §2.6).
 */
export function platformEventSchema(event: PlatformEventDescriptor): EventSchema {
  return compile({
    type: "record",
    name: event.name,
    namespace: NAMESPACE,
    fields: [
      { name: "CreatedDate", type: "long", doc: "CreatedDate:DateTime" },
      { name: "CreatedById", type: "string", doc: "CreatedBy:EntityId" },
      ...event.fields.map((name) => ({ name, type: ["null", "string"], default: null })),
    ],
  });
}

/** One field of a record schema as written here. */
interface FieldSchema {
  readonly name: string;
  readonly type: unknown;
  readonly default?: null;
  readonly doc?: string;
}

function compile(schema: {
  type: "record";
  name: string;
  namespace: string;
  fields: readonly FieldSchema[];
}): EventSchema {
  const json = JSON.stringify(schema);
  return {
    id: createHash("sha256").update(json).digest("base64url").slice(0, 22),
    json,
    fieldNames: schema.fields.map((field) => field.name),
    type: avro.Type.forSchema(schema as avro.Schema),
  };
}
