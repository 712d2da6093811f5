import { type DynamicModule, Global, Module } from "@nestjs/common";
import { type AppConfig } from "./config.schema.js";

/** Injection token of the validated {@link AppConfig}: `@Inject(APP_CONFIG) config: AppConfig`. */
export const APP_CONFIG = Symbol("APP_CONFIG");

/** Provides the configuration parsed once at start-up to every module. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
