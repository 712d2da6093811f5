import { randomUUID } from "node:crypto";
import type { Clock } from "../../server/clock.js";
import { salesforceDateTime } from "../../server/clock.js";
import type { VersionedStore } from "../../state/versioned-store.js";
import { CHANGE_RETENTION_MS, type ChangeEvent } from "../changes/change-event.js";
import { INTEGRATION_USER_ID } from "../org-identity.js";
import type { SalesforceState, SfRecord, SfValue } from "../state/salesforce-state.js";
import { entityIsDeleted, notFound, SalesforceApiError } from "../salesforce-error.js";
import { coerceFieldValue } from "./field-values.js";
import { isValidRecordId, newRecordId, sameRecordId } from "./record-id.js";
import { findSObjectType } from "./sobject-registry.js";
import { findField, type HistoryTracking, type SObjectDescriptor } from "./sobject-type.js";

/** Read access to records by type, what SOQL evaluation needs. */
export interface RecordSource {
  /** The live records of `typeName` (canonical name), in insertion order; with `includeDeleted` also those in the Recycle Bin. */
  list(typeName: string, includeDeleted?: boolean): readonly SfRecord[];
  /** The current form of an id an upgrade renamed, or `id` itself. */
  resolveId(id: string): string;
}

/** Synchronous writes inside {@link SObjectRecords.transaction}; each throws like its async form. */
export interface RecordWrites {
  create(type: SObjectDescriptor, body: Record<string, unknown>, origin: WriteOrigin): string;
  update(
    type: SObjectDescriptor,
    id: string,
    body: Record<string, unknown>,
    origin: WriteOrigin,
  ): void;
  delete(type: SObjectDescriptor, id: string, origin: WriteOrigin): void;
}

/** The API version and client of a write, for the change log's `changeOrigin`. */
export interface WriteOrigin {
  readonly apiVersion: string;
}

/**
 * The Salesforce records held in the sandbox state: lookup, create, update and delete with the
 * checks the REST API makes (unknown or read-only fields, required fields, lookups that must
 * exist). Every committed change is appended to the persisted change log with the next replay id.
 */
export class SObjectRecords implements RecordSource {
  constructor(
    private readonly store: VersionedStore<SalesforceState>,
    private readonly clock: Clock,
  ) {}

  list(typeName: string, includeDeleted = false): readonly SfRecord[] {
    const records = this.store.state.records[typeName] ?? [];
    return includeDeleted ? records : records.filter((record) => record.IsDeleted !== true);
  }

  resolveId(id: string): string {
    return this.store.state.idAliases[id] ?? id;
  }

  /** The live record of `type` with `id` (15- or 18-character form, or a renamed id), or undefined. */
  find(type: SObjectDescriptor, id: string): SfRecord | undefined {
    const wanted = this.resolveId(id);
    return this.list(type.name).find(
      (record) => typeof record.Id === "string" && sameRecordId(record.Id, wanted),
    );
  }

  /** The change log's events with a replay id greater than `afterReplayId`, oldest first. */
  changes(afterReplayId = 0): readonly ChangeEvent[] {
    return this.store.state.changeLog.events.filter((event) => event.replayId > afterReplayId);
  }

  /**
   * Creates a record from a JSON body and returns its new 18-character id.
   * @throws SalesforceApiError 400 `INVALID_FIELD` (unknown field), `INVALID_FIELD_FOR_INSERT_UPDATE`
   *   (read-only field), `REQUIRED_FIELD_MISSING`, `INVALID_CROSS_REFERENCE_KEY` (lookup to nothing),
   *   the value errors of `coerceFieldValue`, and those of the type's `checkCreate`.
   */
  create(
    type: SObjectDescriptor,
    body: Record<string, unknown>,
    origin: WriteOrigin,
  ): Promise<string> {
    return this.store.mutate((state) => this.createIn(state, type, body, origin));
  }

  /**
   * Applies a JSON body to an existing record.
   * @throws SalesforceApiError 404 `NOT_FOUND` for an unknown id, and the errors of `create`.
   */
  async update(
    type: SObjectDescriptor,
    id: string,
    body: Record<string, unknown>,
    origin: WriteOrigin,
  ): Promise<void> {
    await this.store.mutate((state) => this.updateIn(state, type, id, body, origin));
  }

  /**
   * Moves a record to the Recycle Bin (`IsDeleted: true`): queries no longer see it, `queryAll`
   * does, and the id answers 404 `ENTITY_IS_DELETED`.
   * @throws SalesforceApiError 404 `NOT_FOUND` for an unknown id, `ENTITY_IS_DELETED` for a deleted one.
   */
  async delete(type: SObjectDescriptor, id: string, origin: WriteOrigin): Promise<void> {
    await this.store.mutate((state) => this.deleteIn(state, type, id, origin));
  }

  /**
   * Runs `work` as one database transaction (the Composite resource with `allOrNone`, sObject
   * Tree): its creates, updates and deletes are applied at once and persisted together; when
   * `work` throws, every change it made — records, id sequence, change log — is rolled back and
   * the error rethrown. `work` is synchronous, so no other request interleaves with it.
   */
  transaction<R>(work: (writes: RecordWrites) => R): Promise<R> {
    return this.store.mutate((state) => {
      const before = structuredClone({
        records: state.records,
        nextIdSequence: state.nextIdSequence,
        changeLog: state.changeLog,
      });
      try {
        return work({
          create: (type, body, origin) => this.createIn(state, type, body, origin),
          update: (type, id, body, origin) => this.updateIn(state, type, id, body, origin),
          delete: (type, id, origin) => this.deleteIn(state, type, id, origin),
        });
      } catch (error) {
        Object.assign(state, before);
        throw error;
      }
    });
  }

  private createIn(
    state: SalesforceState,
    type: SObjectDescriptor,
    body: Record<string, unknown>,
    origin: WriteOrigin,
  ): string {
    const values = { ...defaultsOf(type), ...this.validate(type, body, "create") };
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
    this.checkUnique(type, values, undefined);
    type.checkCreate?.(values, this);
    const id = newRecordId(type.keyPrefix, state.nextIdSequence);
    state.nextIdSequence += 1;
    const now = this.clock();
    const stamp = salesforceDateTime(now);
    const existing = (state.records[type.name] ??= []);
    const record: SfRecord = {
      Id: id,
      IsDeleted: false,
      CreatedDate: stamp,
      LastModifiedDate: stamp,
      SystemModstamp: stamp,
      ...values,
      ...nextAutoNumbers(type, existing),
    };
    existing.push(record);
    const fields = Object.fromEntries(
      type.fields
        .filter((field) => !field.formula)
        .map((field) => [field.name, record[field.name] ?? null]),
    );
    appendChange(state, now, origin, {
      entityName: type.name,
      changeType: "CREATE",
      recordIds: [id],
      changedFields: [],
      nulledFields: [],
      fields,
    });
    if (type.historyTracking) {
      this.writeHistory(state, type.historyTracking, id, stamp, [
        { field: "created", oldValue: null, newValue: null },
      ]);
    }
    return id;
  }

  /**
   * Refuses a value of a unique External ID field that another live record of the type holds.
   * @throws SalesforceApiError 400 `DUPLICATE_VALUE` naming the field and the record holding it,
   *   worded as Salesforce words it.
   */
  private checkUnique(type: SObjectDescriptor, values: SfRecord, ownId: string | undefined): void {
    for (const field of type.fields) {
      const value = values[field.name];
      if (!field.uniqueExternalId || value === undefined || value === null || value === "") {
        continue;
      }
      const holder = this.list(type.name).find(
        (record) =>
          record[field.name] === value &&
          !(ownId !== undefined && typeof record.Id === "string" && sameRecordId(record.Id, ownId)),
      );
      if (holder) {
        throw new SalesforceApiError(
          400,
          "DUPLICATE_VALUE",
          `duplicate value found: ${field.name} duplicates value on record with id: ${String(holder.Id)}`,
          [],
        );
      }
    }
  }

  private updateIn(
    state: SalesforceState,
    type: SObjectDescriptor,
    id: string,
    body: Record<string, unknown>,
    origin: WriteOrigin,
  ): void {
    const record = this.find(type, id);
    if (!record) throw notFound();
    const values = this.validate(type, body, "update");
    this.checkUnique(type, values, String(record.Id));
    const now = this.clock();
    const stamp = salesforceDateTime(now);
    // Salesforce publishes only fields whose value actually changed.
    const changed = Object.keys(values).filter((name) => record[name] !== values[name]);
    const previous = { ...record };
    Object.assign(record, values, { LastModifiedDate: stamp, SystemModstamp: stamp });
    const changedFields = [...changed, "LastModifiedDate"];
    appendChange(state, now, origin, {
      entityName: type.name,
      changeType: "UPDATE",
      recordIds: [String(record.Id)],
      changedFields,
      nulledFields: changed.filter((name) => values[name] === null),
      fields: Object.fromEntries(changedFields.map((name) => [name, record[name] ?? null])),
    });
    const tracking = type.historyTracking;
    if (tracking) {
      const tracked = changed.filter((name) => tracking.fields.includes(name));
      this.writeHistory(
        state,
        tracking,
        String(record.Id),
        stamp,
        tracked.map((name) => ({
          field: name,
          oldValue: previous[name] ?? null,
          newValue: record[name] ?? null,
        })),
      );
    }
  }

  private deleteIn(
    state: SalesforceState,
    type: SObjectDescriptor,
    id: string,
    origin: WriteOrigin,
  ): void {
    const record = this.find(type, id);
    if (!record) {
      if (this.isDeleted(type, id)) throw entityIsDeleted();
      throw notFound();
    }
    const now = this.clock();
    const stamp = salesforceDateTime(now);
    Object.assign(record, { IsDeleted: true, SystemModstamp: stamp });
    appendChange(state, now, origin, {
      entityName: type.name,
      changeType: "DELETE",
      recordIds: [String(record.Id)],
      changedFields: [],
      nulledFields: [],
      fields: {},
    });
  }

  /** Appends Field History Tracking rows (`<Object>History`) for the record `parentId`. */
  private writeHistory(
    state: SalesforceState,
    tracking: HistoryTracking,
    parentId: string,
    stamp: string,
    entries: readonly { field: string; oldValue: SfValue; newValue: SfValue }[],
  ): void {
    const historyType = findSObjectType(tracking.historyType);
    if (!historyType) return;
    for (const entry of entries) {
      const id = newRecordId(historyType.keyPrefix, state.nextIdSequence);
      state.nextIdSequence += 1;
      (state.records[historyType.name] ??= []).push({
        Id: id,
        IsDeleted: false,
        [tracking.parentField]: parentId,
        Field: entry.field,
        DataType: entry.field === "created" ? null : "PicklistValue",
        OldValue: entry.oldValue,
        NewValue: entry.newValue,
        CreatedById: INTEGRATION_USER_ID,
        CreatedDate: stamp,
      });
    }
  }

  /** Whether `id` names a record of `type` in the Recycle Bin. */
  isDeleted(type: SObjectDescriptor, id: string): boolean {
    const wanted = this.resolveId(id);
    return this.list(type.name, true).some(
      (record) =>
        record.IsDeleted === true &&
        typeof record.Id === "string" &&
        sameRecordId(record.Id, wanted),
    );
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
      values[field.name] =
        field.type === "reference" && typeof value === "string" ? this.resolveId(value) : value;
    }
    return values;
  }

  /**
   * Whether a lookup value names a live record of `typeName`. A lookup to a type the sandbox does
   * not model (yet) accepts any well-formed id: the stand-in cannot tell, and refusing would make
   * the field unusable (decision 0056).
   */
  private referenceExists(typeName: string | undefined, id: string): boolean {
    const parent = typeName === undefined ? undefined : findSObjectType(typeName);
    if (parent === undefined) return typeName !== undefined && isValidRecordId(id);
    return this.find(parent, id) !== undefined;
  }
}

/** The default values of `type`'s fields that have one (applied before the body's values). */
function defaultsOf(type: SObjectDescriptor): Record<string, SfRecord[string]> {
  return Object.fromEntries(
    type.fields.flatMap((field) =>
      field.defaultValue === undefined ? [] : [[field.name, field.defaultValue]],
    ),
  );
}

/** Width of an auto-number (Salesforce display format `{00000000}`). */
const AUTO_NUMBER_DIGITS = 8;
/** The first number Salesforce gives a standard auto-number field such as `CaseNumber`. */
const AUTO_NUMBER_START = 1001;

/**
 * The values of `type`'s auto-number fields for a new record: one above the highest number any
 * record of the type ever got (deleted ones included, so a number is never reused), from 1001.
 */
function nextAutoNumbers(
  type: SObjectDescriptor,
  existing: readonly SfRecord[],
): Record<string, string> {
  return Object.fromEntries(
    type.fields
      .filter((field) => field.autoNumber === true)
      .map((field) => {
        const highest = Math.max(
          AUTO_NUMBER_START - 1,
          ...existing.map((record) => Number(record[field.name] ?? 0) || 0),
        );
        return [field.name, String(highest + 1).padStart(AUTO_NUMBER_DIGITS, "0")];
      }),
  );
}

/**
 * Appends one committed change with the next replay id (one transaction per REST call) and drops
 * events older than the retention window.
 */
function appendChange(
  state: SalesforceState,
  now: Date,
  origin: WriteOrigin,
  change: Pick<
    ChangeEvent,
    "entityName" | "changeType" | "recordIds" | "changedFields" | "nulledFields" | "fields"
  >,
): void {
  const log = state.changeLog;
  const commitTimestamp = now.getTime();
  log.events = log.events.filter(
    (event) => event.commitTimestamp > commitTimestamp - CHANGE_RETENTION_MS,
  );
  log.events.push({
    ...change,
    replayId: log.nextReplayId,
    commitTimestamp,
    commitUser: INTEGRATION_USER_ID,
    transactionKey: randomUUID(),
    sequenceNumber: 1,
    changeOrigin: `com/salesforce/api/rest/${origin.apiVersion}`,
  });
  log.nextReplayId += 1;
}
