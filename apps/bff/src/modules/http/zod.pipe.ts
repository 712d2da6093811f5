import { type PipeTransform } from "@nestjs/common";
import { fieldErrorsFromIssues } from "@portal/domain";
import { type z } from "zod";
import { AppError } from "./app-error.js";

/**
 * The one request validation mechanism: `@Body(new ZodPipe(schema))`, `@Query(...)`,
 * `@Param(...)` with the `@portal/domain` schema of the endpoint. Returns the parsed value
 * (coerced, trimmed, defaults applied).
 * @throws AppError VALIDATION_FAILED with `fields` naming each bad field (docs/api.md).
 */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  /** `schema`: also read by the OpenAPI test, which checks the route declarations against it. */
  constructor(readonly schema: S) {}

  transform(value: unknown): z.output<S> {
    const result = this.schema.safeParse(value);
    if (!result.success) {
      throw new AppError("VALIDATION_FAILED", "Some fields are missing or invalid.", {
        fields: fieldErrorsFromIssues(result.error.issues),
      });
    }
    return result.data;
  }
}
