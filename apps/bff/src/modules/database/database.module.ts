import { Global, Inject, Module, type OnApplicationShutdown } from "@nestjs/common";
import { APP_CONFIG } from "../config/config.module.js";
import { type AppConfig } from "../config/config.schema.js";
import { DATABASE_CONNECTION, type DatabaseConnection } from "./database.js";
import { openDatabase } from "./open-database.js";
import { AuditLogRepository } from "./repositories/audit-log.repository.js";
import { IdempotencyKeysRepository } from "./repositories/idempotency-keys.repository.js";
import { IdMappingsRepository } from "./repositories/id-mappings.repository.js";
import { RefreshTokensRepository } from "./repositories/refresh-tokens.repository.js";
import { SignupAttemptsRepository } from "./repositories/signup-attempts.repository.js";
import { UsersRepository } from "./repositories/users.repository.js";
import { WorkflowRunsRepository } from "./repositories/workflow-runs.repository.js";

const repositories = [
  UsersRepository,
  IdMappingsRepository,
  RefreshTokensRepository,
  AuditLogRepository,
  SignupAttemptsRepository,
  WorkflowRunsRepository,
  IdempotencyKeysRepository,
];

/**
 * Opens the database (migrated before the app is built) and provides the repositories; closes the
 * connection when the app shuts down.
 */
@Global()
@Module({
  providers: [
    {
      provide: DATABASE_CONNECTION,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => openDatabase(config.database),
    },
    ...repositories,
  ],
  exports: [DATABASE_CONNECTION, ...repositories],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
