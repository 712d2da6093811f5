import type { Clock } from "../../server/clock.js";
import { salesforceDateTime } from "../../server/clock.js";
import type { SfRecord } from "../../state/sandbox-state.js";
import type { StateStore } from "../../state/state-store.js";
import { notFound, SalesforceApiError } from "../salesforce-error.js";
import { coerceFieldValue } from "./field-values.js";
import { newRecordId, sameRecordId } from "./record-id.js";
import { findSObjectType } from "./sobject-registry.js";
import { findField, type SObjectDescriptor } from "./sobject-type.js";

/** Read access to records by type, what SOQL evaluation needs. */
export interface RecordSource {
  /** Every record of `typeName` (canonical name), in insertion order. */
  list(typeName: string): readonly SfRecord[];
}

/**
 * The Salesforce records held in the sandbox state: lookup, create and update with the checks
 * the REST API makes (unknown or read-only fields, required fields, lookups that must exist).
 */
export class SObjectRecords implements RecordSource {
  constructor(
    private readonly store: StateStore,
    private readonly clock: Clock,
  ) {}

  list(typeName: string): readonly SfRecord[] {
    return this.store.state.salesforce.records[typeName] ?? [];
  }

  /** The record of `type` with `id` (15- or 18-character form), or undefined. */
  find(type: SObjectDescriptor, id: string): SfRecord | undefined {
    return this.list(type.name).find(
      (record) => typeof record.Id === "string" && sameRecordId(record.Id, id),
    );
  }

  /**
   * Creates a record from a JSON body and returns its new 18-character id.
   * @throws SalesforceApiError 400 `INVALID_FIELD` (unknown field), `INVALID_FIELD_FOR_INSERT_UPDATE`
   *   (read-only field), `REQUIRED_FIELD_MISSING`, `INVALID_CROSS_REFERENCE_KEY` (lookup to nothing),
   *   and the value errors of `coerceFieldValue`.
   */
  async create(type: SObjectDescriptor, body: Record<string, unknown>): Promise<string> {
    const values = this.validate(type, body, "create");
    const missing = type.fields
      .filter(
        (field) =>
          field.required && (values[field.name] === undefined || values[field.name] === null),
      )
      .map((field) => field.name);
    if (missing.length > 0) {
      throw new SalesforceApiError(
        400,
        "REQUIRED_FIELD_MISSING",
        `Required fields are missing: [${missing.join(", ")}]`,
        missing,
      );
    }
    return this.store.mutate((state) => {
      const id = newRecordId(type.keyPrefix, state.salesforce.nextIdSequence);
      state.salesforce.nextIdSequence += 1;
      const stamp = salesforceDateTime(this.clock());
      const record: SfRecord = {
        Id: id,
        IsDeleted: false,
        CreatedDate: stamp,
        LastModifiedDate: stamp,
        SystemModstamp: stamp,
        ...values,
      };
      (state.salesforce.records[type.name] ??= []).push(record);
      return id;
    });
  }

  /**
   * Applies a JSON body to an existing record.
   * @throws SalesforceApiError 404 `NOT_FOUND` for an unknown id, and the errors of `create`.
   */
  async update(type: SObjectDescriptor, id: string, body: Record<string, unknown>): Promise<void> {
    const record = this.find(type, id);
    if (!record) throw notFound();
    const values = this.validate(type, body, "update");
    await this.store.mutate(() => {
      const stamp = salesforceDateTime(this.clock());
      Object.assign(record, values, { LastModifiedDate: stamp, SystemModstamp: stamp });
    });
  }

  private validate(
    type: SObjectDescriptor,
    body: Record<string, unknown>,
    operation: "create" | "update",
  ): Record<string, SfRecord[string]> {
    const values: Record<string, SfRecord[string]> = {};
    for (const [name, raw] of Object.entries(body)) {
      // jsforce and other clients may echo the record's `attributes`; Salesforce ignores it.
      if (name === "attributes") continue;
      const field = findField(type, name);
      if (!field) {
        throw new SalesforceApiError(
          400,
          "INVALID_FIELD",
          `No such column '${name}' on sobject of type ${type.name}`,
        );
      }
      const writable = operation === "create" ? field.createable : field.updateable;
      if (!writable) {
        throw new SalesforceApiError(
          400,
          "INVALID_FIELD_FOR_INSERT_UPDATE",
          `Unable to create/update fields: ${field.name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
          [field.name],
        );
      }
      const value = coerceFieldValue(field, raw);
      if (
        field.type === "reference" &&
        typeof value === "string" &&
        !this.referenceExists(field.referenceTo, value)
      ) {
        throw new SalesforceApiError(
          400,
          "INVALID_CROSS_REFERENCE_KEY",
          "invalid cross reference id",
          [field.name],
        );
      }
      values[field.name] = value;
    }
    return values;
  }

  private referenceExists(typeName: string | undefined, id: string): boolean {
    const parent = typeName === undefined ? undefined : findSObjectType(typeName);
    return parent !== undefined && this.find(parent, id) !== undefined;
  }
}
