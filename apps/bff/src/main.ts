import { APP_CONFIG } from "./modules/config/config.module.js";
import { type AppConfig } from "./modules/config/config.schema.js";
import { ConfigError, createBffApp } from "./index.js";

/**
 * Process entry point (`node apps/bff/dist/main.js`): builds the BFF from the environment, listens
 * on BFF_HOST:BFF_PORT, and on SIGINT/SIGTERM stops accepting requests, finishes those in flight
 * and closes the database and Redis before exiting.
 */
async function main(): Promise<void> {
  let app;
  try {
    app = await createBffApp(process.env);
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
  const config = app.get<AppConfig>(APP_CONFIG);
  await app.listen({ host: config.http.host, port: config.http.port });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      return;
    }
    stopping = true;
    console.warn(`Received ${signal}; shutting down`);
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("Shutdown failed", error);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

await main();
