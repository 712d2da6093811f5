import { addressUpdateSchema, customerProfileSchema, profileUpdateSchema } from "@portal/domain";
import { type ApiRoute, apiRoute } from "../openapi/api-route.js";

const tags = ["account"];

/** `/api/me` and `/api/me/address` as `AccountController` serves them (docs/api.md "Routes"). */
export const accountRoutes: readonly ApiRoute[] = [
  apiRoute({
    method: "GET",
    path: "/api/me",
    operationId: "getProfile",
    summary: "The signed-in customer's profile",
    tags,
    access: "session",
    responses: { 200: customerProfileSchema },
    errors: ["UPSTREAM_UNAVAILABLE", "UPSTREAM_ERROR"],
  }),
  apiRoute({
    method: "PATCH",
    path: "/api/me",
    operationId: "updateProfile",
    summary: "Change the customer's names or phone",
    description:
      "Written to WHMCS (authoritative); a WHMCS failure changes nothing. Absent fields stay as they are; the e-mail address is not changed here.",
    tags,
    access: "session",
    request: { body: profileUpdateSchema },
    responses: { 200: customerProfileSchema },
    errors: ["VALIDATION_FAILED", "UPSTREAM_UNAVAILABLE", "UPSTREAM_ERROR"],
  }),
  apiRoute({
    method: "PATCH",
    path: "/api/me/address",
    operationId: "updateAddress",
    summary: "Replace the customer's address",
    description:
      "Written to WHMCS (authoritative; a WHMCS failure changes nothing), then to the Salesforce Account's billing address, retried in the background when Salesforce fails (decision 0032).",
    tags,
    access: "session",
    request: { body: addressUpdateSchema },
    responses: { 200: customerProfileSchema },
    errors: ["VALIDATION_FAILED", "UPSTREAM_UNAVAILABLE", "UPSTREAM_ERROR"],
  }),
];
