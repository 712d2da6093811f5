import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { PGlite, type PGliteOptions } from "@electric-sql/pglite";

/**
 * PGlite's start parameters with a smaller buffer pool: `shared_buffers` 16 MB instead of the
 * 128 MB initdb writes into postgresql.conf. The portal's tables are small (a few thousand rows),
 * and PGlite runs in the BFF's process, so every megabyte of PostgreSQL's buffers is the BFF's
 * resident memory (decision 0047: idle RSS ~110 MiB lower, no measurable query difference).
 */
export const PGLITE_OPTIONS: PGliteOptions = {
  startParams: [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"],
};

/**
 * Creates the PGlite data directory `dir` (initdb) in a worker thread when it does not exist yet,
 * so the main process never holds initdb's WebAssembly instance: PGlite keeps it after
 * `create()`, about 450 MiB of resident memory for the life of the process (measured, PGlite
 * 0.5). The worker's memory is returned when it exits. A directory already initialised (or
 * `memory://`) is left alone.
 * @throws Error when initdb fails in the worker.
 */
export async function initialisePgliteDir(dir: string): Promise<void> {
  if (dir.startsWith("memory://") || existsSync(path.join(dir, "PG_VERSION"))) {
    return;
  }
  // An eval'd worker is a CommonJS script: it loads PGlite's CommonJS build by absolute path.
  const pglite = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  const code = `
    const { PGlite } = require(${JSON.stringify(pglite)});
    PGlite.create(${JSON.stringify(dir)}).then((db) => db.close());
  `;
  await new Promise<void>((resolve, reject) => {
    const worker = new Worker(code, { eval: true });
    worker.once("error", reject);
    worker.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`PGlite initdb worker exited with ${code}`)),
    );
  });
}
