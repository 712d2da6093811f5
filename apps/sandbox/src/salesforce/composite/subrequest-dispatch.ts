import type { SandboxServices } from "../../server/sandbox-services.js";
import type { RecordWrites } from "../model/sobject-records.js";
import { findSObjectType } from "../model/sobject-registry.js";
import { findField, readField, type SObjectDescriptor } from "../model/sobject-type.js";
import { parseVersion } from "../rest/api-versions.js";
import { entityIsDeleted, notFound, SalesforceApiError } from "../salesforce-error.js";
import { malformedQuery } from "../soql/query-errors.js";
import { recordUrl, runQuery } from "../soql/run-query.js";

/** What one subrequest answered: status, headers and body (`null` for 204). */
export interface SubrequestResult {
  httpStatusCode: number;
  httpHeaders: Record<string, string>;
  body: unknown;
}

/** One subrequest after its references were resolved. */
export interface ResolvedSubrequest {
  method: string;
  url: string;
  body: unknown;
}

/** Query rows one subrequest answers at most (the first batch; no cursor inside a composite). */
const QUERY_BATCH = 2000;

/** Whether a subrequest URL is a `query` / `queryAll` resource (at most 5 per composite). */
export function isQueryUrl(url: string): boolean {
  return /^\/services\/data\/v[^/]+\/query(All)?\/?(\?|$)/.test(url);
}

/**
 * Runs one Composite subrequest against the records, inside the composite's transaction: the
 * sObject Rows resources (`POST sobjects/{Type}` 201 `{id, success, errors}` with a `Location`
 * header; `GET|PATCH|DELETE sobjects/{Type}/{Id}`) and `query` / `queryAll` (`?q=`, first batch).
 * Source: REST API Developer Guide, "Composite" (resources a subrequest may use).
 * @throws SalesforceApiError as the resource itself would answer (404 for any other URL).
 */
export function dispatchSubrequest(
  request: ResolvedSubrequest,
  writes: RecordWrites,
  services: SandboxServices,
): SubrequestResult {
  const [path = "", search = ""] = request.url.split("?");
  const match = /^\/services\/data\/(v[^/]+)\/(.+?)\/?$/.exec(path);
  if (!match) throw notFound();
  const apiVersion = parseVersion(match[1] ?? "");
  const segments = (match[2] ?? "").split("/").map(decodeURIComponent);
  const origin = { apiVersion };

  if ((segments[0] === "query" || segments[0] === "queryAll") && segments.length === 1) {
    if (request.method !== "GET") throw notFound();
    const q = new URLSearchParams(search).get("q");
    if (q === null || q.trim() === "") throw malformedQuery("A query string has to be specified");
    const result = runQuery(q, services.records, apiVersion, {
      includeDeleted: segments[0] === "queryAll",
      now: services.clock(),
    });
    return ok(200, {
      totalSize: result.totalSize,
      done: result.records.length <= QUERY_BATCH,
      records: result.records.slice(0, QUERY_BATCH),
    });
  }

  if (segments[0] !== "sobjects" || segments.length < 2 || segments.length > 3) throw notFound();
  const type = findSObjectType(segments[1] ?? "");
  if (!type) throw notFound();
  const id = segments[2];

  if (id === undefined) {
    if (request.method !== "POST") throw notFound();
    const created = writes.create(type, recordBody(request.body), origin);
    return {
      httpStatusCode: 201,
      httpHeaders: { Location: recordUrl(apiVersion, type.name, created) },
      body: { id: created, success: true, errors: [] },
    };
  }
  switch (request.method) {
    case "GET":
      return ok(200, readRecord(type, id, apiVersion, services, new URLSearchParams(search)));
    case "PATCH":
      writes.update(type, id, recordBody(request.body), origin);
      return ok(204, null);
    case "DELETE":
      writes.delete(type, id, origin);
      return ok(204, null);
    default:
      throw notFound();
  }
}

function ok(status: number, body: unknown): SubrequestResult {
  return { httpStatusCode: status, httpHeaders: {}, body };
}

function readRecord(
  type: SObjectDescriptor,
  id: string,
  apiVersion: string,
  services: SandboxServices,
  search: URLSearchParams,
): Record<string, unknown> {
  const record = services.records.find(type, id);
  if (!record) throw services.records.isDeleted(type, id) ? entityIsDeleted() : notFound();
  const wanted = search.get("fields");
  const fields =
    wanted === null
      ? type.fields
      : wanted.split(",").map((name) => {
          const field = findField(type, name.trim());
          if (!field) {
            throw new SalesforceApiError(
              400,
              "INVALID_FIELD",
              `No such column '${name.trim()}' on sobject of type ${type.name}`,
            );
          }
          return field;
        });
  const body: Record<string, unknown> = {
    attributes: { type: type.name, url: recordUrl(apiVersion, type.name, record.Id ?? null) },
  };
  for (const field of fields) body[field.name] = readField(field, record);
  return body;
}

function recordBody(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new SalesforceApiError(
      400,
      "JSON_PARSER_ERROR",
      "The request body must be a JSON object of field values",
    );
  }
  return body as Record<string, unknown>;
}
