import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { SandboxServices } from "../../server/sandbox-services.js";
import type { SfValue } from "../state/salesforce-state.js";
import { findSObjectType } from "../model/sobject-registry.js";
import { findField, readField, type SObjectDescriptor } from "../model/sobject-type.js";
import { entityIsDeleted, notFound, SalesforceApiError } from "../salesforce-error.js";
import { recordUrl } from "../soql/run-query.js";
import { parseVersion } from "./api-versions.js";
import { describeGlobal, describeSObject, describeSummary } from "./describe.js";

const recordParamsSchema = z.object({ version: z.string(), sobject: z.string(), id: z.string() });
const typeParamsSchema = z.object({ version: z.string(), sobject: z.string() });
const versionParamsSchema = z.object({ version: z.string() });
const fieldsQuerySchema = z.object({ fields: z.string().optional() });
const recordBodySchema = z.record(z.string(), z.unknown());

/**
 * sObject resources under `/services/data/vXX.X/sobjects`: Describe Global (`GET /sobjects`),
 * sObject Basic Information (`GET /sobjects/{Type}`), sObject Describe
 * (`GET /sobjects/{Type}/describe`), and sObject Rows: `GET` (all fields, or `?fields=A,B`),
 * `PATCH` (204), `DELETE` (204) and `POST` create (201 `{ id, success: true, errors: [] }`).
 * Unknown types and ids are 404 `NOT_FOUND`, deleted records 404 `ENTITY_IS_DELETED`.
 * Source: Salesforce REST API Developer Guide, "Describe Global", "sObject Basic Information",
 * "sObject Describe", "sObject Rows", "Create a Record", "Update a Record", "Delete a Record".
 */
export function registerSObjectRoutes(app: FastifyInstance, services: SandboxServices): void {
  app.get("/services/data/:version/sobjects/:sobject/:id", async (request) => {
    const params = recordParamsSchema.parse(request.params);
    const version = parseVersion(params.version);
    const type = sObjectType(params.sobject);
    const record = services.records.find(type, params.id);
    if (!record) throw services.records.isDeleted(type, params.id) ? entityIsDeleted() : notFound();
    const { fields } = fieldsQuerySchema.parse(request.query);
    const selected =
      fields === undefined
        ? type.fields
        : fields.split(",").map((name) => {
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
    const body: Record<string, SfValue | { type: string; url: string }> = {
      attributes: { type: type.name, url: recordUrl(version, type.name, record.Id ?? null) },
    };
    for (const field of selected) body[field.name] = readField(field, record);
    return body;
  });

  app.patch("/services/data/:version/sobjects/:sobject/:id", async (request, reply) => {
    const params = recordParamsSchema.parse(request.params);
    const apiVersion = parseVersion(params.version);
    const type = sObjectType(params.sobject);
    if (services.records.isDeleted(type, params.id)) throw entityIsDeleted();
    await services.records.update(type, params.id, recordBody(request.body), { apiVersion });
    return reply.code(204).send();
  });

  app.delete("/services/data/:version/sobjects/:sobject/:id", async (request, reply) => {
    const params = recordParamsSchema.parse(request.params);
    const apiVersion = parseVersion(params.version);
    await services.records.delete(sObjectType(params.sobject), params.id, { apiVersion });
    return reply.code(204).send();
  });

  app.post("/services/data/:version/sobjects/:sobject", async (request, reply) => {
    const params = typeParamsSchema.parse(request.params);
    const apiVersion = parseVersion(params.version);
    const id = await services.records.create(
      sObjectType(params.sobject),
      recordBody(request.body),
      {
        apiVersion,
      },
    );
    return reply.code(201).send({ id, success: true, errors: [] });
  });

  app.get("/services/data/:version/sobjects", async (request) => {
    const version = parseVersion(versionParamsSchema.parse(request.params).version);
    return describeGlobal(version);
  });

  app.get("/services/data/:version/sobjects/:sobject", async (request) => {
    const params = typeParamsSchema.parse(request.params);
    const version = parseVersion(params.version);
    return {
      objectDescribe: describeSummary(sObjectType(params.sobject), version),
      recentItems: [],
    };
  });

  app.get("/services/data/:version/sobjects/:sobject/describe", async (request) => {
    const params = typeParamsSchema.parse(request.params);
    const version = parseVersion(params.version);
    return describeSObject(sObjectType(params.sobject), version);
  });
}

function sObjectType(name: string): SObjectDescriptor {
  const type = findSObjectType(name);
  if (!type) throw notFound();
  return type;
}

function recordBody(body: unknown): Record<string, unknown> {
  const parsed = recordBodySchema.safeParse(body);
  if (!parsed.success) {
    throw new SalesforceApiError(
      400,
      "JSON_PARSER_ERROR",
      "The request body must be a JSON object of field values",
    );
  }
  return parsed.data;
}
