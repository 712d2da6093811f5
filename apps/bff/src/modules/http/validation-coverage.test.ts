import { Body, Controller, Get, Param, Post, Query } from "@nestjs/common";
import { loginRequestSchema, type LoginRequest } from "@portal/domain";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { unvalidatedArguments } from "./validation-coverage.js";
import { ZodPipe } from "./zod.pipe.js";

@Controller("validated")
class ValidatedController {
  @Post(":id")
  create(
    @Param(new ZodPipe(z.object({ id: z.coerce.number() }))) _params: { id: number },
    @Body(new ZodPipe(loginRequestSchema)) _body: LoginRequest,
  ): void {}
}

@Controller("careless")
class CarelessController {
  @Post()
  create(@Body() _body: unknown): void {}

  @Get(":id")
  read(@Param("id") _id: string, @Query() _query: unknown): void {}
}

describe("unvalidatedArguments", () => {
  it("accepts a controller whose every client input goes through a ZodPipe", () => {
    expect(unvalidatedArguments(ValidatedController)).toEqual([]);
  });

  it("names each body, query and path parameter read without one", () => {
    expect(unvalidatedArguments(CarelessController).sort()).toEqual([
      "CarelessController.create: @Body() argument 0",
      "CarelessController.read: @Param() argument 0",
      "CarelessController.read: @Query() argument 1",
    ]);
  });
});
