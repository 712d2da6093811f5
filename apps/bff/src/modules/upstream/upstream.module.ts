import { Global, Module } from "@nestjs/common";
import { loadPrivateKey, SalesforceClient } from "@portal/salesforce";
import { WhmcsClient } from "@portal/whmcs";
import { APP_CONFIG } from "../config/config.module.js";
import { ConfigError } from "../config/config-error.js";
import { type AppConfig } from "../config/config.schema.js";
import { upstreamLogger } from "./upstream-logger.js";

/**
 * The clients of the systems of record, built once from the configuration. Each owns its
 * throttle, timeouts and read retries (`@portal/whmcs`, `@portal/salesforce`); services inject
 * the classes directly.
 */
@Global()
@Module({
  providers: [
    {
      provide: WhmcsClient,
      inject: [APP_CONFIG],
      useFactory: ({ whmcs }: AppConfig) =>
        new WhmcsClient({
          baseUrl: whmcs.baseUrl,
          identifier: whmcs.identifier,
          secret: whmcs.secret,
          accessKey: whmcs.accessKey ?? undefined,
          timeoutMs: whmcs.timeoutMs,
          concurrency: whmcs.concurrency,
          ratePerSecond: whmcs.ratePerSecond,
          readRetries: whmcs.readRetries,
          timeZone: whmcs.timeZone,
          logger: upstreamLogger("WhmcsClient"),
        }),
    },
    {
      provide: SalesforceClient,
      inject: [APP_CONFIG],
      useFactory: async ({ salesforce }: AppConfig) => {
        try {
          return new SalesforceClient({
            loginUrl: salesforce.loginUrl,
            clientId: salesforce.clientId,
            username: salesforce.username,
            privateKeyPem: await loadPrivateKey(salesforce.privateKeyPath),
            apiVersion: salesforce.apiVersion,
            timeoutMs: salesforce.timeoutMs,
            concurrency: salesforce.concurrency,
            ratePerSecond: salesforce.ratePerSecond,
            readRetries: salesforce.readRetries,
            logger: upstreamLogger("SalesforceClient"),
          });
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new ConfigError([
            `SF_PRIVATE_KEY_PATH (${salesforce.privateKeyPath}) is not a readable RSA private key: ${reason}`,
          ]);
        }
      },
    },
  ],
  exports: [WhmcsClient, SalesforceClient],
})
export class UpstreamModule {}
