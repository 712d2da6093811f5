import avro from "avsc";
import { type SchemaFieldNames } from "./field-bitmap.js";

/**
 * Avro `long` as a bigint: a `commitNumber` may pass 2^53 (vendor-facts §2.1), which avsc's
 * default number `long` refuses to decode. Code reading a long (a timestamp) converts it.
 * Source: avsc wiki "Advanced usage" (custom long types).
 */
const BIGINT_LONG = avro.types.LongType.__with({
  fromBuffer: (buffer: Buffer) => buffer.readBigInt64LE(),
  toBuffer: (value: bigint) => {
    const buffer = Buffer.alloc(8);
    buffer.writeBigInt64LE(value);
    return buffer;
  },
  fromJSON: BigInt,
  toJSON: Number,
  isValid: (value: unknown) => typeof value === "bigint",
  compare: (a: bigint, b: bigint) => (a === b ? 0 : a < b ? -1 : 1),
});

/** An event schema fetched with `GetSchema`, compiled. */
export interface EventSchema {
  /** The record's name: `OrderChangeEvent`, `Order_Fulfilment_Requested__e`. */
  name: string;
  /** Whether it is a Change Data Capture schema (its field 0 is `ChangeEventHeader`). */
  isChangeEvent: boolean;
  /** The positions the field bitmaps index. */
  fields: SchemaFieldNames;
  /** Decodes one Avro binary payload into a plain record (unions with null unwrapped). */
  decode(payload: Buffer): Record<string, unknown>;
}

interface AvroField {
  name: string;
  type: unknown;
}

/**
 * Compiles `SchemaInfo.schema_json` (an Avro record schema) with avsc.
 * @throws Error when the JSON is not an Avro record schema.
 */
export function compileEventSchema(json: string): EventSchema {
  const schema = JSON.parse(json) as { type?: string; name?: string; fields?: AvroField[] };
  if (schema.type !== "record" || !Array.isArray(schema.fields) || !schema.name) {
    throw new Error("The event schema is not an Avro record");
  }
  const type = avro.Type.forSchema(schema as avro.Schema, { registry: { long: BIGINT_LONG } });
  const nested = new Map<number, readonly string[]>();
  schema.fields.forEach((field, position) => {
    const record = recordOf(field.type);
    if (record)
      nested.set(
        position,
        record.fields.map((child) => child.name),
      );
  });
  return {
    name: schema.name,
    isChangeEvent: schema.fields[0]?.name === "ChangeEventHeader",
    fields: { names: schema.fields.map((field) => field.name), nested },
    decode: (payload) => type.fromBuffer(payload) as Record<string, unknown>,
  };
}

/** The record schema of a field type that is a record or a union holding one, else undefined. */
function recordOf(type: unknown): { fields: AvroField[] } | undefined {
  const candidates = Array.isArray(type) ? type : [type];
  for (const candidate of candidates) {
    if (
      typeof candidate === "object" &&
      candidate !== null &&
      (candidate as { type?: unknown }).type === "record"
    ) {
      return candidate as { fields: AvroField[] };
    }
  }
  return undefined;
}
