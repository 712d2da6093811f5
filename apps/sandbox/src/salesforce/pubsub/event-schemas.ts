import { createHash } from "node:crypto";
import avro from "avsc";
import type { PlatformEventDescriptor } from "../model/order-fulfilment-requested.js";
import type { CompoundFieldDescriptor } from "../model/compound-field.js";
import type { SfFieldDescriptor, SObjectDescriptor } from "../model/sobject-type.js";
import type { FieldPosition } from "./field-bitmap.js";

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

/**
 * One top-level body field of a change event after the header: an object field, or a compound
 * field whose components are object fields (null component field: always null, e.g. Latitude).
 */
export type ChangeEventSlot =
  | { readonly kind: "field"; readonly field: SfFieldDescriptor }
  | {
      readonly kind: "compound";
      readonly compound: CompoundFieldDescriptor;
      readonly components: readonly (SfFieldDescriptor | null)[];
    };

/** A `<Type>ChangeEvent` schema with its body layout. */
export interface ChangeEventSchema extends EventSchema {
  /** The body fields in schema order (`fieldNames` minus `ChangeEventHeader`). */
  readonly slots: readonly ChangeEventSlot[];
  /** Where each object field sits (top-level position, and component for a compound's part). */
  readonly positions: ReadonlyMap<string, FieldPosition>;
}

/**
 * The body of `type`'s change events in describe order: every field except `Id`, `IsDeleted`,
 * `SystemModstamp` and formula fields, the components of a compound field replaced by the
 * compound at the place of its first component (as Salesforce lays out `BillingAddress`).
 */
function changeEventSlots(type: SObjectDescriptor): ChangeEventSlot[] {
  const compoundOf = new Map<string, CompoundFieldDescriptor>();
  for (const compound of type.compoundFields ?? []) {
    for (const component of compound.components) {
      if (component.field) compoundOf.set(component.field, compound);
    }
  }
  const slots: ChangeEventSlot[] = [];
  const placed = new Set<CompoundFieldDescriptor>();
  for (const field of type.fields) {
    if (field.formula || NOT_IN_BODY.has(field.name)) continue;
    const compound = compoundOf.get(field.name);
    if (!compound) {
      slots.push({ kind: "field", field });
    } else if (!placed.has(compound)) {
      placed.add(compound);
      slots.push({
        kind: "compound",
        compound,
        components: compound.components.map((component) =>
          component.field
            ? (type.fields.find((candidate) => candidate.name === component.field) ?? null)
            : null,
        ),
      });
    }
  }
  return slots;
}

/**
 * The schema of `<Type>ChangeEvent` (e.g. `OrderChangeEvent`): record in namespace
 * `com.sforce.eventbus`, first field `ChangeEventHeader`, then every body field as
 * `["null", <type>]` with default null, as Salesforce lays out CDC schemas (vendor-facts §2.4);
 * a compound field as `["null", <record>]` whose components are `["null", <type>]` — the record
 * (`Address`) defined at its first use and referred to by full name after (Avro names a type once).
 */
export function changeEventSchema(type: SObjectDescriptor): ChangeEventSchema {
  const slots = changeEventSlots(type);
  const defined = new Set<string>();
  const positions = new Map<string, FieldPosition>();
  const body = slots.map((slot, index) => {
    const position = index + 1;
    if (slot.kind === "field") {
      positions.set(slot.field.name, { position });
      return { name: slot.field.name, type: ["null", avroTypeOf(slot.field)], default: null };
    }
    const { compound } = slot;
    compound.components.forEach((component, at) => {
      if (component.field) positions.set(component.field, { position, component: at });
    });
    const fullName = `${NAMESPACE}.${compound.recordName}`;
    const record = defined.has(fullName)
      ? fullName
      : {
          type: "record",
          name: compound.recordName,
          namespace: NAMESPACE,
          fields: compound.components.map((component) => ({
            name: component.name,
            type: ["null", component.type],
            default: null,
          })),
        };
    defined.add(fullName);
    return { name: compound.name, type: ["null", record], default: null };
  });
  return {
    ...compile({
      type: "record",
      name: `${type.name}ChangeEvent`,
      namespace: NAMESPACE,
      fields: [{ name: "ChangeEventHeader", type: CHANGE_EVENT_HEADER }, ...body],
    }),
    slots,
    positions,
  };
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
