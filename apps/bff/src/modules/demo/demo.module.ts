import { Module } from "@nestjs/common";
import { AuthModule } from "../auth/auth.module.js";
import { IdentityModule } from "../identity/identity.module.js";
import { DemoSeedService } from "./demo-seed.service.js";

/** Embedded-mode convenience: the demo portal user (PORTAL_SEED_DEMO). */
@Module({
  imports: [AuthModule, IdentityModule],
  providers: [DemoSeedService],
})
export class DemoModule {}
