import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { sandboxStateSchema, type SandboxState } from "./sandbox-state.js";

/** File name of the state document inside the data directory. */
export const STATE_FILE_NAME = "state.json";

/**
 * Holds the sandbox state in memory and persists it after every mutation to
 * `<dataDir>/state.json` (or nowhere when `dataDir` is null, for tests). Writes are atomic — a
 * temporary file in the same directory renamed over the old one — and serialised, so a crash
 * never leaves a half-written document and the file always holds the latest state.
 */
export class StateStore {
  private current: SandboxState;
  private writes: Promise<void> = Promise.resolve();

  private constructor(
    private readonly filePath: string | null,
    initial: SandboxState,
  ) {
    this.current = initial;
  }

  /**
   * Loads `<dataDir>/state.json`, or creates it from `seed()` when absent.
   * @throws Error naming the file when it exists but is not valid JSON of the state schema.
   */
  static async open(dataDir: string | null, seed: () => SandboxState): Promise<StateStore> {
    if (dataDir === null) return new StateStore(null, seed());
    const filePath = path.join(dataDir, STATE_FILE_NAME);
    const text = await readFile(filePath, "utf8").catch((error: unknown) => {
      if (isMissingFile(error)) return null;
      throw error;
    });
    if (text === null) {
      const store = new StateStore(filePath, seed());
      await store.persist();
      return store;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new Error(
        `Sandbox state ${filePath} is not valid JSON (${String(error)}); delete it to reseed.`,
      );
    }
    const result = sandboxStateSchema.safeParse(parsed);
    if (!result.success) {
      throw new Error(
        `Sandbox state ${filePath} does not match the expected schema (${result.error.issues[0]?.message ?? "invalid"} at ${result.error.issues[0]?.path.join(".") ?? "?"}); delete it to reseed.`,
      );
    }
    return new StateStore(filePath, result.data);
  }

  /** The current state. Treat it as read-only: change it through `mutate`. */
  get state(): SandboxState {
    return this.current;
  }

  /**
   * Runs `change` on the state and persists the result. `change` must validate before it
   * modifies anything, so a thrown error leaves the state untouched.
   */
  async mutate<T>(change: (state: SandboxState) => T): Promise<T> {
    const result = change(this.current);
    await this.persist();
    return result;
  }

  /** Replaces the whole state (reset) and persists it. */
  async replace(next: SandboxState): Promise<void> {
    this.current = next;
    await this.persist();
  }

  /** Resolves once every pending write has reached the disk. */
  async flush(): Promise<void> {
    await this.writes;
  }

  private persist(): Promise<void> {
    const filePath = this.filePath;
    if (filePath === null) return Promise.resolve();
    const snapshot = `${JSON.stringify(this.current, null, 2)}\n`;
    const write = this.writes.then(() => writeAtomically(filePath, snapshot));
    // A failed write must not block later ones; the caller of this write still sees the error.
    this.writes = write.catch(() => undefined);
    return write;
  }
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
