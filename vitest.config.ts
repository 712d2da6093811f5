import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import swc from "unplugin-swc";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

/**
 * One `vitest run` covers every workspace. Workspace packages resolve to their TypeScript
 * sources through the `@portal/source` export condition, so tests need no build.
 * The BFF suite runs in embedded mode (PGlite, in-process cache) and, when
 * TEST_DATABASE_URL / TEST_REDIS_URL are set, a second time against the real servers.
 */
const resolve = { conditions: ["@portal/source", "module", "browser", "development|production"] };
/** Node-environment tests resolve through Vite's SSR settings, which need the condition too. */
const ssr = { resolve: { conditions: ["@portal/source", "node", "development|production"] } };

/** NestJS needs decorator metadata, which only a full TypeScript-aware transform emits. */
const nestTransform = () =>
  swc.vite({
    jsc: {
      parser: { syntax: "typescript", decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: "es2022",
    },
  });

/**
 * BFF integration files in flight: one per CPU (they mostly wait on loopback HTTP and PGlite).
 * The other projects keep Vitest's default (CPUs − 1): their files are short, and on a loaded
 * 2-core machine a second sandbox file at a time pushed tests past their 5 s limit.
 */
const maxWorkers = availableParallelism();

const unit = (
  name: string,
  root: string,
  include = ["src/**/*.test.ts", "test/**/*.test.ts"],
  extra: TestProjectInlineConfiguration["test"] = {},
): TestProjectInlineConfiguration => ({
  resolve,
  ssr,
  test: { name, root, include, environment: "node", ...extra },
});

const withAlias = (
  project: TestProjectInlineConfiguration,
  alias: Record<string, string>,
): TestProjectInlineConfiguration => ({ ...project, resolve: { ...project.resolve, alias } });

const bff = (name: string, env: Record<string, string>): TestProjectInlineConfiguration => ({
  resolve,
  ssr,
  plugins: [nestTransform()],
  test: {
    name,
    root: "apps/bff",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    env,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The run's migrated PGlite template and dev secrets, made once (decision 0045).
    globalSetup: ["test/support/global-setup.ts"],
    // Integration files start their own sandbox + BFF, one per CPU. Projects with their own
    // worker limit run as a group after the unit projects.
    maxWorkers,
    sequence: { groupOrder: 1 },
  },
});

const servers =
  process.env.TEST_DATABASE_URL || process.env.TEST_REDIS_URL
    ? [
        bff("bff (postgres+redis)", {
          PORTAL_TEST_MODE: "servers",
        }),
      ]
    : [];

/**
 * The slow tier (`npm run test:slow`, after `npm run build`): process-level tests that run the
 * built BFF as a child process and SIGKILL it (issue 8, "Crash safety, proven"). Minutes long, so
 * not part of `npm test`; one file at a time.
 */
const slow =
  process.env.PORTAL_TEST_TIER === "slow"
    ? [
        unit("bff (process)", "apps/bff", ["slow/**/*.test.ts"], {
          testTimeout: 3_600_000,
          hookTimeout: 600_000,
          maxWorkers: 1,
        }),
      ]
    : [];

export default defineConfig({
  test: {
    projects: [
      unit("domain", "packages/domain"),
      unit("integration-core", "packages/integrations/core"),
      unit("whmcs", "packages/integrations/whmcs"),
      unit("freebit", "packages/integrations/freebit"),
      unit("salesforce", "packages/integrations/salesforce"),
      // Its files each start a sandbox (seconds on a loaded machine) from the run's dev secrets.
      unit("sandbox", "apps/sandbox", undefined, {
        globalSetup: ["test/support/global-setup.ts"],
        hookTimeout: 30_000,
      }),
      // The portal's `@/…` import alias (apps/portal/tsconfig.json `paths`). Component tests
      // (`.test.tsx`) opt into jsdom with a `// @vitest-environment jsdom` first line.
      withAlias(
        unit("portal", "apps/portal", [
          "src/**/*.test.ts",
          "src/**/*.test.tsx",
          "server/**/*.test.ts",
        ]),
        {
          "@": fileURLToPath(new URL("apps/portal/src", import.meta.url)),
        },
      ),
      bff("bff (embedded)", { PORTAL_TEST_MODE: "embedded" }),
      ...servers,
      ...slow,
    ],
  },
});
