import type { SfRecord, SfValue } from "../state/salesforce-state.js";
import { sameRecordId } from "../model/record-id.js";
import { findSObjectType } from "../model/sobject-registry.js";
import {
  findField,
  findRelationship,
  readField,
  type SfFieldDescriptor,
  type SObjectDescriptor,
} from "../model/sobject-type.js";
import type { RecordSource } from "../model/sobject-records.js";
import { noSuchColumn, unknownRelationship } from "./query-errors.js";

/** One step from a record to its parent through a lookup field (e.g. Contact → Account). */
export interface RelationshipHop {
  readonly lookup: SfFieldDescriptor;
  readonly parentType: SObjectDescriptor;
}

/** A SOQL field reference such as `Name` or `Account.SF_Account_No__c`, resolved against the schema. */
export interface FieldPath {
  readonly hops: readonly RelationshipHop[];
  readonly field: SfFieldDescriptor;
}

/**
 * Resolves a dotted field reference from `base` (case-insensitive, like SOQL). A leading FROM
 * alias (`c.Account.Name` with `FROM Contact c`) is dropped.
 * @throws SalesforceApiError `INVALID_FIELD` for an unknown field or relationship.
 */
export function resolveFieldPath(
  base: SObjectDescriptor,
  reference: string,
  soql: string,
  alias?: string,
): FieldPath {
  const segments = reference.split(".");
  if (
    alias !== undefined &&
    segments.length > 1 &&
    segments[0]?.toLowerCase() === alias.toLowerCase()
  ) {
    segments.shift();
  }
  const fieldName = segments.pop() ?? reference;
  const hops: RelationshipHop[] = [];
  let current = base;
  for (const relationship of segments) {
    const lookup = findRelationship(current, relationship);
    const parentType =
      lookup?.referenceTo === undefined ? undefined : findSObjectType(lookup.referenceTo);
    if (!lookup || !parentType) throw unknownRelationship(soql, relationship);
    hops.push({ lookup, parentType });
    current = parentType;
  }
  const field = findField(current, fieldName);
  if (!field) throw noSuchColumn(soql, hops.length > 0 ? reference : fieldName, current.name);
  return { hops, field };
}

/** The parent record a lookup points at, or undefined when the lookup is empty or dangling. */
export function followLookup(
  record: SfRecord,
  hop: RelationshipHop,
  source: RecordSource,
): SfRecord | undefined {
  const parentId = record[hop.lookup.name];
  if (typeof parentId !== "string") return undefined;
  return source
    .list(hop.parentType.name)
    .find((parent) => typeof parent.Id === "string" && sameRecordId(parent.Id, parentId));
}

/** The value at `path` from `record`; null when any lookup on the way is empty. */
export function valueAtPath(record: SfRecord, path: FieldPath, source: RecordSource): SfValue {
  let current: SfRecord | undefined = record;
  for (const hop of path.hops) {
    current = followLookup(current, hop, source);
    if (!current) return null;
  }
  return readField(path.field, current);
}
