import { Injectable, type OnApplicationBootstrap, type Type } from "@nestjs/common";
import { ROUTE_ARGS_METADATA } from "@nestjs/common/constants.js";
import { RouteParamtypes } from "@nestjs/common/enums/route-paramtypes.enum.js";
import { DiscoveryService } from "@nestjs/core";
import { ZodPipe } from "./zod.pipe.js";

/** Route arguments that carry client input, and the decorator that binds each. */
const CLIENT_INPUT = new Map<number, string>([
  [RouteParamtypes.BODY, "@Body()"],
  [RouteParamtypes.QUERY, "@Query()"],
  [RouteParamtypes.PARAM, "@Param()"],
]);

/** One argument as Nest records it under ROUTE_ARGS_METADATA. */
interface RouteArgument {
  index: number;
  pipes?: unknown[];
}

/**
 * Every `@Body()`, `@Query()` and `@Param()` argument of `controller` that is not validated by a
 * {@link ZodPipe} (the one validation mechanism: the `@portal/domain` schema of the endpoint), as
 * `Controller.method: @Body() argument 0`.
 */
export function unvalidatedArguments(controller: Type): string[] {
  const problems: string[] = [];
  for (const method of Object.getOwnPropertyNames(controller.prototype)) {
    const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) as
      Record<string, RouteArgument> | undefined;
    for (const [key, argument] of Object.entries(args ?? {})) {
      const source = CLIENT_INPUT.get(Number(key.split(":")[0]));
      if (source && !argument.pipes?.some((pipe) => pipe instanceof ZodPipe)) {
        problems.push(`${controller.name}.${method}: ${source} argument ${argument.index}`);
      }
    }
  }
  return problems;
}

/**
 * Secure by default (DESIGN.md §7): refuses to start when any controller reads a body, query or
 * path parameter without a `ZodPipe`, so a new route cannot forget its validation.
 * @throws Error at application bootstrap naming each unvalidated argument.
 */
@Injectable()
export class ValidationCoverage implements OnApplicationBootstrap {
  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    const problems = this.discovery
      .getControllers()
      .flatMap((wrapper) =>
        wrapper.metatype ? unvalidatedArguments(wrapper.metatype as Type) : [],
      );
    if (problems.length > 0) {
      throw new Error(
        `Route arguments without a ZodPipe (use @Body(new ZodPipe(schema)) etc.):\n${problems.join("\n")}`,
      );
    }
  }
}
