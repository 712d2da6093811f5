import { raw } from "@portal/salesforce";
import type { SandboxServices } from "../../server/sandbox-services.js";
import type { RecordWrites, WriteOrigin } from "../model/sobject-records.js";
import { findSObjectType, SOBJECT_TYPES } from "../model/sobject-registry.js";
import type { SfFieldDescriptor, SObjectDescriptor } from "../model/sobject-type.js";
import { notFound, SalesforceApiError } from "../salesforce-error.js";

/** Limits of one sObject Tree request. Source: REST API Developer Guide, "sObject Tree". */
const MAX_TYPES = 5;
const MAX_LEVELS = 5;
const REFERENCE_ID = /^[A-Za-z0-9][A-Za-z0-9_]*$/;

/** One record of the request: its type, reference id, own fields and children by relationship. */
interface TreeNode {
  type: SObjectDescriptor;
  referenceId: string;
  fields: Record<string, unknown>;
  children: { lookup: SfFieldDescriptor; nodes: TreeNode[] }[];
}

/** A record that failed: the answer lists it alone, with its errors. */
class TreeFailure extends Error {
  constructor(
    readonly referenceId: string,
    readonly error: SalesforceApiError,
  ) {
    super(error.message);
  }
}

function invalid(message: string): SalesforceApiError {
  return new SalesforceApiError(400, "INVALID_INPUT", message);
}

/**
 * sObject Tree (`POST composite/tree/{SObject}`): creates the request's records and their nested
 * children (`"<ChildRelationship>": { "records": [...] }`, the lookup to the parent filled in) in
 * one all-or-none transaction. At most 200 records, 5 types, 5 levels; every `referenceId` unique
 * and alphanumeric; root records of the URL's type; insert only (no `Id`). Success: `{ hasErrors:
 * false, results: [{ referenceId, id }] }` in request order (parents before their children).
 * A record Salesforce refuses: `{ hasErrors: true, results: [{ referenceId, errors: [{ statusCode,
 * message, fields }] }] }` and nothing is created.
 * Source: REST API Developer Guide, "sObject Tree", "sObject Tree Request Body", "sObject Tree
 * Response Body".
 * @throws SalesforceApiError 404 for an unknown type, 400 for a request breaking the limits.
 */
export async function createTree(
  typeName: string,
  body: unknown,
  services: SandboxServices,
  origin: WriteOrigin,
): Promise<raw.RawTreeResponse> {
  const rootType = findSObjectType(typeName);
  if (!rootType) throw notFound();
  const records = (body as { records?: unknown } | null)?.records;
  if (!Array.isArray(records) || records.length === 0) {
    throw new SalesforceApiError(400, "JSON_PARSER_ERROR", "The request needs a records array");
  }
  const referenceIds = new Set<string>();
  const types = new Set<string>();
  const roots = records.map((record) => parseNode(record, rootType, 1, { referenceIds, types }));
  if (referenceIds.size > raw.TREE_MAX_RECORDS) {
    throw invalid(
      `An sObject Tree request can create at most ${raw.TREE_MAX_RECORDS} records; this one has ${referenceIds.size}`,
    );
  }
  if (types.size > MAX_TYPES) {
    throw invalid(`An sObject Tree request can contain at most ${MAX_TYPES} types`);
  }

  const results: { referenceId: string; id: string }[] = [];
  try {
    await services.records.transaction((writes) => {
      for (const root of roots) insert(root, undefined, writes, origin, results);
    });
  } catch (error) {
    if (!(error instanceof TreeFailure)) throw error;
    return {
      hasErrors: true,
      results: [
        {
          referenceId: error.referenceId,
          errors: [
            {
              statusCode: error.error.errorCode,
              message: error.error.message,
              fields: [...(error.error.fields ?? [])],
            },
          ],
        },
      ],
    };
  }
  return { hasErrors: false, results };
}

function insert(
  node: TreeNode,
  parent: { lookup: SfFieldDescriptor; id: string } | undefined,
  writes: RecordWrites,
  origin: WriteOrigin,
  results: { referenceId: string; id: string }[],
): void {
  let id: string;
  try {
    id = writes.create(
      node.type,
      parent ? { ...node.fields, [parent.lookup.name]: parent.id } : node.fields,
      origin,
    );
  } catch (error) {
    if (error instanceof SalesforceApiError) throw new TreeFailure(node.referenceId, error);
    throw error;
  }
  results.push({ referenceId: node.referenceId, id });
  for (const group of node.children) {
    for (const child of group.nodes)
      insert(child, { lookup: group.lookup, id }, writes, origin, results);
  }
}

function parseNode(
  value: unknown,
  expected: SObjectDescriptor,
  level: number,
  seen: { referenceIds: Set<string>; types: Set<string> },
): TreeNode {
  if (level > MAX_LEVELS) throw invalid(`An sObject Tree can be at most ${MAX_LEVELS} levels deep`);
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new SalesforceApiError(400, "JSON_PARSER_ERROR", "Each record must be a JSON object");
  }
  const { attributes, ...rest } = value as Record<string, unknown>;
  const attrs = (attributes ?? {}) as { type?: unknown; referenceId?: unknown };
  if (typeof attrs.type !== "string" || attrs.type.toLowerCase() !== expected.name.toLowerCase()) {
    throw invalid(`Each record must have attributes.type ${expected.name}`);
  }
  const referenceId = attrs.referenceId;
  if (typeof referenceId !== "string" || !REFERENCE_ID.test(referenceId)) {
    throw invalid("Each record needs an alphanumeric attributes.referenceId");
  }
  if (seen.referenceIds.has(referenceId)) {
    throw invalid(`Duplicate ReferenceId provided in the request: ${referenceId}`);
  }
  seen.referenceIds.add(referenceId);
  seen.types.add(expected.name);
  if ("Id" in rest) throw invalid("sObject Tree only creates records; remove Id");

  const fields: Record<string, unknown> = {};
  const children: TreeNode["children"] = [];
  for (const [name, fieldValue] of Object.entries(rest)) {
    const relation = childRelationship(expected, name);
    if (!relation) {
      fields[name] = fieldValue;
      continue;
    }
    const nested = (fieldValue as { records?: unknown } | null)?.records;
    if (!Array.isArray(nested)) {
      throw new SalesforceApiError(400, "JSON_PARSER_ERROR", `${name} needs a records array`);
    }
    children.push({
      lookup: relation.lookup,
      nodes: nested.map((child) => parseNode(child, relation.type, level + 1, seen)),
    });
  }
  return { type: expected, referenceId, fields, children };
}

/** The child type and lookup field of `parent`'s child relationship `name` (`OrderItems`). */
function childRelationship(
  parent: SObjectDescriptor,
  name: string,
): { type: SObjectDescriptor; lookup: SfFieldDescriptor } | undefined {
  const wanted = name.toLowerCase();
  for (const type of SOBJECT_TYPES) {
    const lookup = type.fields.find(
      (field) =>
        field.referenceTo === parent.name && field.childRelationshipName?.toLowerCase() === wanted,
    );
    if (lookup) return { type, lookup };
  }
  return undefined;
}
