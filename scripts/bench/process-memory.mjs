// Resident memory of a benchmarked process, read from Linux's /proc.
import { readFile } from "node:fs/promises";

/**
 * Resident memory of process `pid` in MiB, 0 once it is gone.
 * @param {number | undefined} pid
 */
export async function rssMiB(pid) {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}
