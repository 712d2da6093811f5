import { raw } from "@portal/salesforce";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { SandboxServices } from "../../server/sandbox-services.js";
import { parseVersion } from "../rest/api-versions.js";
import { SalesforceApiError } from "../salesforce-error.js";
import { resolveReferences, UnresolvedReference } from "./composite-references.js";
import { dispatchSubrequest, isQueryUrl, type SubrequestResult } from "./subrequest-dispatch.js";
import { createTree } from "./sobject-tree.js";

const versionParamsSchema = z.object({ version: z.string() });
const treeParamsSchema = z.object({ version: z.string(), sobject: z.string() });

/** At most this many subrequests of a composite may be queries. Source: "Composite" limits. */
const MAX_QUERY_SUBREQUESTS = 5;

/** Headers a subrequest inherits from the top-level request and may not set itself. */
const INHERITED_HEADERS = new Set(["accept", "authorization", "content-type"]);

/** The body of a subrequest rolled back because another one failed (allOrNone). */
const ROLLED_BACK: raw.RawRestError[] = [
  {
    errorCode: raw.PROCESSING_HALTED,
    message:
      "The transaction was rolled back since another operation in the same transaction failed.",
  },
];

/** A subrequest failure that rolls the whole composite back (allOrNone). */
class RollBack extends Error {
  constructor(
    readonly index: number,
    readonly result: SubrequestResult,
  ) {
    super("composite rolled back");
  }
}

function invalidInput(message: string): SalesforceApiError {
  return new SalesforceApiError(400, "INVALID_INPUT", message);
}

/**
 * The Composite resources:
 * - `POST /services/data/vXX.X/composite`: up to 25 subrequests (≤ 5 queries) run in order, each
 *   able to use earlier results through `@{referenceId.path}`. `allOrNone: true`: the first
 *   failure rolls everything back — the failing subrequest keeps its error, every other one answers
 *   400 `PROCESSING_HALTED` "The transaction was rolled back…". `allOrNone: false`: independent
 *   subrequests still run; one that refers to a failed result answers 400 `PROCESSING_HALTED`
 *   "Invalid reference specified…". The top level is 200 either way. A malformed request (too
 *   many subrequests, a duplicate reference id, an inherited header) is a top-level 400.
 *   `collateSubrequests` is accepted; the stand-in always runs subrequests in request order.
 * - `POST /services/data/vXX.X/composite/tree/{SObject}`: sObject Tree (see sobject-tree.ts).
 * Source: Salesforce REST API Developer Guide, "Composite", "Composite Request Body", "Composite
 * Response Body", "sObject Tree"; limits and error bodies in decision 0056.
 */
export function registerCompositeRoutes(app: FastifyInstance, services: SandboxServices): void {
  app.post("/services/data/:version/composite", async (request) => {
    parseVersion(versionParamsSchema.parse(request.params).version);
    const parsed = raw.compositeRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      throw new SalesforceApiError(
        400,
        "JSON_PARSER_ERROR",
        `Invalid composite request: ${parsed.error.issues[0]?.message ?? "malformed body"}`,
      );
    }
    const { allOrNone = false, compositeRequest: subrequests } = parsed.data;
    checkCompositeLimits(subrequests);

    const results = new Map<string, unknown>();
    const answers: SubrequestResult[] = [];
    try {
      await services.records.transaction((writes) => {
        subrequests.forEach((subrequest, index) => {
          let result: SubrequestResult;
          try {
            result = dispatchSubrequest(
              {
                method: subrequest.method,
                url: String(resolveReferences(subrequest.url, results)),
                body: resolveReferences(subrequest.body, results),
              },
              writes,
              services,
            );
          } catch (error) {
            const apiError =
              error instanceof UnresolvedReference
                ? error.toApiError()
                : error instanceof SalesforceApiError
                  ? error
                  : undefined;
            if (!apiError) throw error;
            result = {
              httpStatusCode: apiError.statusCode,
              httpHeaders: {},
              body: apiError.toBody(),
            };
          }
          if (allOrNone && result.httpStatusCode >= 400) throw new RollBack(index, result);
          results.set(
            subrequest.referenceId,
            result.httpStatusCode < 400 ? result.body : undefined,
          );
          answers.push(result);
        });
      });
    } catch (error) {
      if (!(error instanceof RollBack)) throw error;
      return {
        compositeResponse: subrequests.map((subrequest, index) =>
          index === error.index
            ? { ...error.result, referenceId: subrequest.referenceId }
            : {
                body: ROLLED_BACK,
                httpHeaders: {},
                httpStatusCode: 400,
                referenceId: subrequest.referenceId,
              },
        ),
      };
    }
    return {
      compositeResponse: answers.map((answer, index) => ({
        body: answer.body,
        httpHeaders: answer.httpHeaders,
        httpStatusCode: answer.httpStatusCode,
        referenceId: subrequests[index]?.referenceId ?? "",
      })),
    };
  });

  app.post("/services/data/:version/composite/tree/:sobject", async (request, reply) => {
    const params = treeParamsSchema.parse(request.params);
    const apiVersion = parseVersion(params.version);
    const answer = await createTree(params.sobject, request.body, services, { apiVersion });
    return reply.code(answer.hasErrors ? 400 : 201).send(answer);
  });
}

/**
 * The request-level checks Salesforce makes before running anything.
 * @throws SalesforceApiError 400 for no or more than 25 subrequests, more than 5 queries, a
 *   duplicate reference id or an inherited header.
 */
function checkCompositeLimits(subrequests: readonly raw.RawCompositeSubrequest[]): void {
  if (subrequests.length === 0) throw invalidInput("The composite request has no subrequests");
  if (subrequests.length > raw.COMPOSITE_MAX_SUBREQUESTS) {
    throw invalidInput(
      `Composite requests are limited to ${raw.COMPOSITE_MAX_SUBREQUESTS} subrequests; this one has ${subrequests.length}`,
    );
  }
  if (
    subrequests.filter((subrequest) => isQueryUrl(subrequest.url)).length > MAX_QUERY_SUBREQUESTS
  ) {
    throw invalidInput(`Composite requests may contain at most ${MAX_QUERY_SUBREQUESTS} queries`);
  }
  const seen = new Set<string>();
  for (const subrequest of subrequests) {
    if (seen.has(subrequest.referenceId)) {
      throw invalidInput(
        `Duplicate ReferenceId provided in the request: ${subrequest.referenceId}`,
      );
    }
    for (const header of Object.keys(subrequest.httpHeaders ?? {})) {
      if (INHERITED_HEADERS.has(header.toLowerCase())) {
        throw invalidInput(`The ${header} header of a subrequest is inherited and cannot be set`);
      }
    }
    seen.add(subrequest.referenceId);
  }
}
