import { Module } from "@nestjs/common";
import { AuthModule } from "../auth/auth.module.js";
import { DemoSeedService } from "./demo-seed.service.js";

/** Embedded-mode convenience: the demo portal user (PORTAL_SEED_DEMO). */
@Module({
  imports: [AuthModule],
  providers: [DemoSeedService],
})
export class DemoModule {}
