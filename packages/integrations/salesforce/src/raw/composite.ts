import { z } from "zod";
import { restErrorListSchema } from "./rest-error.js";

/**
 * The Composite resource: `POST /services/data/vXX.X/composite` runs up to 25 subrequests in one
 * call; a later subrequest refers to an earlier result with `@{referenceId.field}` in its `url` or
 * `body`. With `allOrNone: true` one failure rolls every subrequest back; the top-level answer is
 * HTTP 200 either way, each subrequest carrying its own status.
 * Source: Salesforce REST API Developer Guide, "Composite", "Composite Request Body",
 * "Composite Response Body".
 */
export const COMPOSITE_MAX_SUBREQUESTS = 25;

/** The subrequest methods the Composite resource accepts (case-sensitive). */
export const COMPOSITE_METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"] as const;

/** One subrequest: method, resource URL (`/services/data/vXX.X/...`), reference id, body. */
export const compositeSubrequestSchema = z.object({
  method: z.enum(COMPOSITE_METHODS),
  url: z.string().min(1),
  referenceId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_]*$/),
  body: z.unknown().optional(),
  httpHeaders: z.record(z.string(), z.string()).optional(),
});
export type RawCompositeSubrequest = z.infer<typeof compositeSubrequestSchema>;

/** The Composite request body. `collateSubrequests` defaults to true (v49.0+). */
export const compositeRequestSchema = z.object({
  allOrNone: z.boolean().optional(),
  collateSubrequests: z.boolean().optional(),
  compositeRequest: z.array(compositeSubrequestSchema),
});
export type RawCompositeRequest = z.infer<typeof compositeRequestSchema>;

/** One subrequest's result: its body (a record, an error array, `null` for 204), headers, status. */
export const compositeSubresponseSchema = z.object({
  body: z.unknown(),
  httpHeaders: z.record(z.string(), z.string()),
  httpStatusCode: z.number().int(),
  referenceId: z.string(),
});
export type RawCompositeSubresponse = z.infer<typeof compositeSubresponseSchema>;

/** The Composite response body: one result per subrequest, in request order. */
export const compositeResponseSchema = z.object({
  compositeResponse: z.array(compositeSubresponseSchema),
});
export type RawCompositeResponse = z.infer<typeof compositeResponseSchema>;

/** A failed subrequest's body: Salesforce's error array. */
export const subrequestErrorsSchema = restErrorListSchema;

/**
 * The error code of subrequests that did not fail themselves but were rolled back (allOrNone) or
 * skipped because a subrequest they referred to failed.
 */
export const PROCESSING_HALTED = "PROCESSING_HALTED";

/**
 * sObject Tree: `POST /services/data/vXX.X/composite/tree/{SObject}` creates up to 200 records
 * (with nested children, at most 5 types and 5 levels) all-or-none. Answer: 201 `{ hasErrors:
 * false, results: [{ referenceId, id }] }`, or 400 `{ hasErrors: true, results: [{ referenceId,
 * errors: [{ statusCode, message, fields }] }] }` with only the failing records.
 * Source: Salesforce REST API Developer Guide, "sObject Tree", "sObject Tree Response Body".
 */
export const TREE_MAX_RECORDS = 200;

/** One record of an sObject Tree result: its reference id and new id, or its errors. */
export const treeResultSchema = z.object({
  referenceId: z.string(),
  id: z.string().optional(),
  errors: z
    .array(z.object({ statusCode: z.string(), message: z.string(), fields: z.array(z.string()) }))
    .optional(),
});

/** The sObject Tree response body. */
export const treeResponseSchema = z.object({
  hasErrors: z.boolean(),
  results: z.array(treeResultSchema),
});
export type RawTreeResponse = z.infer<typeof treeResponseSchema>;
