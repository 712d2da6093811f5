import type { FastifyInstance, FastifyRequest } from "fastify";
import { formFields, type FormFields } from "../../server/form-fields.js";

/** Marks a body that came as multipart/form-data, already reduced to its text fields. */
const MULTIPART_FIELDS = Symbol("multipart fields");

interface MultipartBody {
  [MULTIPART_FIELDS]: FormFields;
}

/**
 * Teaches `app` (the WHMCS scope) to read `multipart/form-data` bodies the way PHP fills
 * `$_POST`: every text field, the last value of a repeated name; uploaded files are not
 * parameters. Parsing uses the platform's `Response.formData()`, so no extra dependency.
 */
export function acceptMultipart(app: FastifyInstance): void {
  app.addContentTypeParser(
    "multipart/form-data",
    { parseAs: "buffer" },
    async (request: FastifyRequest, body: Buffer): Promise<MultipartBody> => {
      const form = await new Response(body, {
        headers: { "content-type": request.headers["content-type"] ?? "" },
      }).formData();
      const fields: Record<string, string> = {};
      for (const [name, value] of form.entries()) {
        if (typeof value === "string") fields[name] = value;
      }
      return { [MULTIPART_FIELDS]: fields };
    },
  );
}

/**
 * The parameters of an External API call as PHP reads them (`$_POST`): the fields of an
 * `application/x-www-form-urlencoded` or `multipart/form-data` body. Any other body — JSON
 * included — gives no parameters, as PHP does not parse it.
 * Source: WHMCS/developer-docs api/getting-started.md (form POST); PHP manual, `$_POST`.
 */
export function requestParams(request: FastifyRequest): FormFields {
  const body: unknown = request.body;
  if (typeof body === "object" && body !== null && MULTIPART_FIELDS in body) {
    return (body as MultipartBody)[MULTIPART_FIELDS];
  }
  const type = (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  return type === "application/x-www-form-urlencoded" ? formFields(body) : {};
}
