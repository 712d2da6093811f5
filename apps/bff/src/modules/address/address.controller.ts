import { Controller, Get, Query } from "@nestjs/common";
import {
  postcodeLookupQuerySchema,
  type PostcodeLookupQuery,
  type PostcodeLookupResult,
} from "@portal/domain";
import { AppError } from "../http/app-error.js";
import { Public } from "../http/public.decorator.js";
import { ZodPipe } from "../http/zod.pipe.js";
import { PostcodeDirectory } from "./postcode-directory.js";

/** `/api/address/*` (docs/api.md "Routes"). */
@Controller("address")
export class AddressController {
  constructor(private readonly directory: PostcodeDirectory) {}

  /**
   * `GET /api/address/lookup?postcode=1500001` → `postcodeLookupResultSchema`. Public: the sign-up
   * form uses it before there is a session. Answers from bundled data only (no upstream call).
   * @throws AppError NOT_FOUND when Japan Post has no such postcode (the form says so and the
   *   customer types the address).
   */
  @Get("lookup")
  @Public()
  lookup(
    @Query(new ZodPipe(postcodeLookupQuerySchema)) query: PostcodeLookupQuery,
  ): PostcodeLookupResult {
    const addresses = this.directory.lookup(query.postcode);
    if (addresses.length === 0) {
      throw new AppError("NOT_FOUND", "No address has this postcode. Please type the address.");
    }
    return { postcode: query.postcode, addresses: [...addresses] };
  }
}
