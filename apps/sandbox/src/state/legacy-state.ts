import { readFile, rename } from "node:fs/promises";
import path from "node:path";

/** The single state document of sandbox version 1, before the state was split per stand-in. */
export const LEGACY_STATE_FILE = "state.json";

/**
 * Reads `<dataDir>/state.json` (schemaVersion 1) once and hands each stand-in its part as its
 * version-1 document (its section plus `seedDate`); `retire()` renames the file to
 * `state.json.v1-upgraded` once both stand-ins have written their own files, so the upgrade
 * happens once and the old document stays for inspection.
 * Source: docs/decisions/0019-sandbox-structure.md.
 */
export class LegacyState {
  private document: Promise<Record<string, unknown> | null> | undefined;
  private used = false;

  constructor(private readonly dataDir: string | null) {}

  /** The version-1 document of `system`, or undefined when there is no legacy state. */
  async part(system: "whmcs" | "salesforce"): Promise<unknown> {
    const document = await this.load();
    if (document === null) return undefined;
    const section = document[system];
    if (typeof section !== "object" || section === null) {
      throw new Error(`${LEGACY_STATE_FILE} has no "${system}" section; npm run reset reseeds it.`);
    }
    this.used = true;
    return { ...section, seedDate: document.seedDate };
  }

  /** Renames the legacy file once its parts were upgraded and written. */
  async retire(): Promise<void> {
    if (!this.used || this.dataDir === null) return;
    const file = path.join(this.dataDir, LEGACY_STATE_FILE);
    await rename(file, `${file}.v1-upgraded`);
  }

  private load(): Promise<Record<string, unknown> | null> {
    this.document ??= this.read();
    return this.document;
  }

  private async read(): Promise<Record<string, unknown> | null> {
    if (this.dataDir === null) return null;
    const file = path.join(this.dataDir, LEGACY_STATE_FILE);
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (error) {
      if (error instanceof Error && "code" in error && error.code === "ENOENT") return null;
      throw error;
    }
    const parsed: unknown = JSON.parse(text);
    if (
      typeof parsed !== "object" ||
      parsed === null ||
      !("schemaVersion" in parsed) ||
      parsed.schemaVersion !== 1
    ) {
      throw new Error(`${file} is not a version 1 sandbox state; npm run reset reseeds it.`);
    }
    return parsed as Record<string, unknown>;
  }
}
