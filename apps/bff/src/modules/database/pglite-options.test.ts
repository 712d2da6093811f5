import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initialisePgliteDir, PGLITE_OPTIONS } from "./pglite-options.js";

let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "pglite-init-"));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("initialisePgliteDir", () => {
  it("creates a database folder the BFF's PGlite then opens, and leaves it alone afterwards", async () => {
    const dir = path.join(root, "db");

    await initialisePgliteDir(dir);
    expect(existsSync(path.join(dir, "PG_VERSION"))).toBe(true);
    await initialisePgliteDir(dir); // already there: nothing to do

    const db = await PGlite.create(dir, PGLITE_OPTIONS);
    try {
      const { rows } = await db.query<{ answer: number }>("SELECT 41 + 1 AS answer");
      expect(rows).toEqual([{ answer: 42 }]);
    } finally {
      await db.close();
    }
  }, 120_000);

  it("reports what initdb said when it cannot create the folder", async () => {
    const file = path.join(root, "a-file");
    await writeFile(file, "not a folder");

    await expect(initialisePgliteDir(path.join(file, "db"))).rejects.toThrow(
      /PGlite initdb failed/,
    );
  }, 120_000);
});
