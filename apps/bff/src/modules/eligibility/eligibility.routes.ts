import { eligibilityRequestSchema, eligibilitySchema } from "@portal/domain";
import { type ApiRoute, apiRoute } from "../openapi/api-route.js";

const tags = ["eligibility"];

/** `/api/eligibility` as `EligibilityController` serves it (docs/api.md "Routes"). */
export const eligibilityRoutes: readonly ApiRoute[] = [
  apiRoute({
    method: "GET",
    path: "/api/eligibility",
    operationId: "getEligibility",
    summary: "Whether fibre internet is available at the customer's address",
    description:
      "The status (`not_requested`, `pending`, `eligible`, `ineligible`), the offering type when eligible, and the address and time of the portal's request when known. Cached per account for 60 s, dropped at once by the portal's own request or a reported change in Salesforce (decision 0053).",
    tags,
    access: "session",
    responses: { 200: eligibilitySchema },
    errors: ["UPSTREAM_UNAVAILABLE", "UPSTREAM_ERROR"],
  }),
  apiRoute({
    method: "POST",
    path: "/api/eligibility",
    operationId: "requestEligibility",
    summary: "Ask staff to check an address for fibre internet",
    description:
      "The address in the body, or without one the customer's address on file (WHMCS). Opens a Salesforce Case (Origin `Portal Website`) and sets the Account's status to `Pending`; when Salesforce fails half-way the Case is taken back. 409 ELIGIBILITY_ALREADY_REQUESTED when the same address is already pending or eligible (decision 0053).",
    tags,
    access: "session",
    idempotent: true,
    request: { body: eligibilityRequestSchema },
    responses: { 201: eligibilitySchema },
    errors: [
      "VALIDATION_FAILED",
      "ELIGIBILITY_ALREADY_REQUESTED",
      "UPSTREAM_UNAVAILABLE",
      "UPSTREAM_ERROR",
    ],
  }),
];
