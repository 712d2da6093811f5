import { defineConfig } from "drizzle-kit";

/**
 * drizzle-kit reads the table definitions — each feature module keeps its own in
 * `src/modules/<module>/schema/` — and writes SQL migrations into `drizzle/`
 * (`npm run db:generate -w @portal/bff`); the BFF applies them at start with drizzle's migrator.
 */
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/modules/*/schema/*.ts",
  out: "./drizzle",
});
