import { Body, Controller, Get, Patch } from "@nestjs/common";
import {
  addressUpdateSchema,
  type AddressUpdate,
  type CustomerProfile,
  profileUpdateSchema,
  type ProfileUpdate,
} from "@portal/domain";
import { Client, type ClientInfo } from "../auth/client-info.js";
import { BodyLimit } from "../http/body-limit.js";
import { type AuthenticatedUser, CurrentUser } from "../http/current-user.js";
import { ZodPipe } from "../http/zod.pipe.js";
import { AccountService } from "./account.service.js";

/** `/api/me` and `/api/me/address` (docs/api.md "Routes"). */
@Controller("me")
export class AccountController {
  constructor(private readonly account: AccountService) {}

  /** `GET /api/me` → `customerProfileSchema`. */
  @Get()
  profile(@CurrentUser() user: AuthenticatedUser): Promise<CustomerProfile> {
    return this.account.profile(user.id);
  }

  /** `PATCH /api/me` (`profileUpdateSchema`) → the changed `customerProfileSchema`. */
  @Patch()
  @BodyLimit(4 * 1024)
  updateProfile(
    @CurrentUser() user: AuthenticatedUser,
    @Body(new ZodPipe(profileUpdateSchema)) body: ProfileUpdate,
    @Client() client: ClientInfo,
  ): Promise<CustomerProfile> {
    return this.account.updateProfile(user.id, body, client);
  }

  /** `PATCH /api/me/address` (`addressUpdateSchema`) → the changed `customerProfileSchema`. */
  @Patch("address")
  @BodyLimit(4 * 1024)
  updateAddress(
    @CurrentUser() user: AuthenticatedUser,
    @Body(new ZodPipe(addressUpdateSchema)) body: AddressUpdate,
    @Client() client: ClientInfo,
  ): Promise<CustomerProfile> {
    return this.account.updateAddress(user.id, body, client);
  }
}
