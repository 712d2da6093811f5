import { Module } from "@nestjs/common";
import { AddressController } from "./address.controller.js";
import { PostcodeDirectory } from "./postcode-directory.js";

/** Postcode → address lookup for every address form (sign-up, account). */
@Module({
  controllers: [AddressController],
  providers: [PostcodeDirectory],
})
export class AddressModule {}
