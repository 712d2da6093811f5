import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";

/**
 * One upgrade step: the stored document of version `n` (without the version envelope) → the
 * document of version `n + 1`. Steps receive parsed JSON and must not assume more than the
 * previous version's shape.
 */
export type UpgradeStep = (previous: unknown) => unknown;

/**
 * What one stand-in persists: its file, current version, schema, the steps from every older
 * version, and its seed. Source: docs/decisions/0019-sandbox-structure.md.
 */
export interface StateDefinition<T> {
  /** File name inside the data directory, e.g. `whmcs.json`. */
  readonly fileName: string;
  /** Version written by this code; documents of older versions are upgraded on open. */
  readonly version: number;
  /** Validates a document of `version`. */
  readonly schema: z.ZodType<T>;
  /** `upgrades[n]` turns version `n` into `n + 1`, for every `n` from 1 to `version - 1`. */
  readonly upgrades: Readonly<Record<number, UpgradeStep>>;
}

/** The file format: a version envelope around the stand-in's state. */
interface Envelope {
  version: number;
  state: unknown;
}

/**
 * Holds one stand-in's state in memory and persists it after every mutation to
 * `<dataDir>/<fileName>` as `{ "version": n, "state": … }` (or nowhere when `dataDir` is null,
 * for tests). Writes are atomic — a temporary file in the same directory renamed over the old
 * one — and serialised (mutations made while a write waits share it), so a crash never leaves a
 * half-written document. A document of an older
 * version is upgraded step by step on open and written back at the current version, so state
 * survives an upgrade of the sandbox without a reseed.
 */
export class VersionedStore<T> {
  private current: T;
  /** The last write scheduled (its failure swallowed, so it never blocks the next). */
  private writes: Promise<void> = Promise.resolve();
  /** A write scheduled but not yet started: later mutations ride on it instead of queueing more. */
  private queued: Promise<void> | null = null;

  private constructor(
    private readonly filePath: string | null,
    private readonly definition: StateDefinition<T>,
    initial: T,
  ) {
    this.current = initial;
  }

  /**
   * Loads and, if older, upgrades `<dataDir>/<fileName>`; creates it from `seed()` when absent.
   * `legacy` supplies a document of version 1 from an older layout when the file is absent
   * (e.g. this stand-in's part of the former single `state.json`).
   * @throws Error naming the file when it is not valid JSON, has an unknown or newer version, or
   *   does not match the schema after upgrading.
   */
  static async open<T>(
    dataDir: string | null,
    definition: StateDefinition<T>,
    seed: () => T,
    legacy?: () => Promise<unknown>,
  ): Promise<VersionedStore<T>> {
    if (dataDir === null) return new VersionedStore<T>(null, definition, seed());
    const filePath = path.join(dataDir, definition.fileName);
    const text = await readFile(filePath, "utf8").catch((error: unknown) => {
      if (isMissingFile(error)) return null;
      throw error;
    });
    let envelope: Envelope | null = null;
    if (text !== null) {
      envelope = parseEnvelope(filePath, text);
    } else if (legacy) {
      const legacyState = await legacy();
      if (legacyState !== undefined) envelope = { version: 1, state: legacyState };
    }
    if (envelope === null) {
      const store = new VersionedStore<T>(filePath, definition, seed());
      await store.persist();
      return store;
    }
    const state = upgrade(filePath, envelope, definition);
    const store = new VersionedStore<T>(filePath, definition, state);
    if (envelope.version !== definition.version || text === null) await store.persist();
    return store;
  }

  /** The current state. Treat it as read-only: change it through `mutate`. */
  get state(): T {
    return this.current;
  }

  /**
   * Runs `change` on the state and persists the result. `change` must validate before it
   * modifies anything, so a thrown error leaves the state untouched.
   */
  async mutate<R>(change: (state: T) => R): Promise<R> {
    const result = change(this.current);
    await this.persist();
    return result;
  }

  /** Replaces the whole state (reset) and persists it. */
  async replace(next: T): Promise<void> {
    this.current = next;
    await this.persist();
  }

  /** Resolves once every pending write has reached the disk. */
  async flush(): Promise<void> {
    await this.writes;
  }

  /**
   * Writes the state after the write in progress, if any. Mutations that arrive while a write
   * waits share it: it serialises the state when it starts, so it holds all of them. Under a burst
   * of mutations the file is written about once per write's duration instead of once per
   * mutation, and each caller still resolves only once its mutation is on disk.
   */
  private persist(): Promise<void> {
    const filePath = this.filePath;
    if (filePath === null) return Promise.resolve();
    if (this.queued) return this.queued;
    const write = this.writes.then(() => {
      this.queued = null;
      const envelope: Envelope = { version: this.definition.version, state: this.current };
      return writeAtomically(filePath, `${JSON.stringify(envelope, null, 2)}\n`);
    });
    this.queued = write;
    // A failed write must not block later ones; the callers of this write still see the error.
    this.writes = write.catch(() => undefined);
    return write;
  }
}

function parseEnvelope(filePath: string, text: string): Envelope {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `Sandbox state ${filePath} is not valid JSON (${String(error)}); npm run reset reseeds it.`,
    );
  }
  if (
    typeof parsed !== "object" ||
    parsed === null ||
    !("version" in parsed) ||
    typeof parsed.version !== "number" ||
    !("state" in parsed)
  ) {
    throw new Error(`Sandbox state ${filePath} has no version envelope; npm run reset reseeds it.`);
  }
  return { version: parsed.version, state: parsed.state };
}

function upgrade<T>(filePath: string, envelope: Envelope, definition: StateDefinition<T>): T {
  if (!Number.isInteger(envelope.version) || envelope.version < 1) {
    throw new Error(`Sandbox state ${filePath} has an invalid version ${envelope.version}.`);
  }
  if (envelope.version > definition.version) {
    throw new Error(
      `Sandbox state ${filePath} is version ${envelope.version}, newer than this sandbox (${definition.version}); update the code or run npm run reset.`,
    );
  }
  let state = envelope.state;
  for (let version = envelope.version; version < definition.version; version += 1) {
    const step = definition.upgrades[version];
    if (!step) throw new Error(`No upgrade step from version ${version} of ${filePath}.`);
    state = step(state);
  }
  const result = definition.schema.safeParse(state);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(
      `Sandbox state ${filePath} does not match version ${definition.version} (${issue?.message ?? "invalid"} at ${issue?.path.join(".") ?? "?"}); npm run reset reseeds it.`,
    );
  }
  return result.data;
}

async function writeAtomically(filePath: string, contents: string): Promise<void> {
  await mkdir(path.dirname(filePath), { recursive: true });
  const temporary = `${filePath}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    await writeFile(temporary, contents, "utf8");
    await rename(temporary, filePath);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "ENOENT";
}
