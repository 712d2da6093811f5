import { SetMetadata } from "@nestjs/common";

/** Metadata key of {@link Public}. */
export const IS_PUBLIC = "portal:is-public";

/**
 * Opts a controller or handler out of the global `AuthGuard`: for routes a signed-out browser or
 * another server must reach (sign-in, sign-up, health, signed webhooks). Everything else needs a
 * session by default, so a new route cannot forget it.
 */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
