// Resident memory of a benchmarked process, read from Linux's /proc, and the BFF's own account of
// it (its Prometheus metrics, docs/operations/metrics.md "Process").
import { readFile } from "node:fs/promises";

const MiB = 1024 * 1024;

/**
 * Resident memory of process `pid` in MiB, 0 once it is gone.
 * @param {number | undefined} pid
 */
export async function rssMiB(pid) {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/**
 * Where a BFF's resident memory is, in MiB: `rss` (/proc VmRSS) is `anon` (RssAnon: the V8
 * heap, malloc, WebAssembly memories, buffers) plus `file` (RssFile + RssShmem: the node binary
 * and shared libraries as far as they were read). `heapTotal` / `heapUsed` / `external` /
 * `arrayBuffers` are `process.memoryUsage()`'s, `newSpace` / `oldSpace` the committed size of
 * those V8 spaces (`v8.getHeapSpaceStatistics()`), all as the BFF's `/metrics` reports them.
 * `native` is what neither V8's heap nor its external memory explains: `anon − heapTotal −
 * external` (malloc'd memory of Node, libuv, OpenSSL, zlib, native add-ons; negative when
 * external memory is counted but not resident).
 *
 * @typedef {object} MemoryBreakdown
 * @property {number} rss
 * @property {number} anon
 * @property {number} file
 * @property {number} heapTotal
 * @property {number} heapUsed
 * @property {number} newSpace
 * @property {number} oldSpace
 * @property {number} external
 * @property {number} arrayBuffers
 * @property {number} native
 * @property {number} majorGcs  full (mark-compact) collections since the BFF started
 * @property {number} gcSeconds  main-thread pause of every collection since it started, in s
 */

/**
 * Reads {@link MemoryBreakdown} of the BFF with process id `pid` serving `baseUrl` (its
 * `/metrics`, which answers a loopback caller).
 *
 * @param {number | undefined} pid
 * @param {string} baseUrl  e.g. `http://127.0.0.1:4400`
 * @returns {Promise<MemoryBreakdown>}
 * @throws {Error} when `/metrics` does not answer 200 or lacks one of the figures
 */
export async function memoryBreakdown(pid, baseUrl) {
  const response = await fetch(`${baseUrl}/metrics`);
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${baseUrl}/metrics answered ${response.status}`);
  /** The value of the sample whose name and labels are `series`, in MiB. @param {string} series */
  const metric = (series) => {
    const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
    if (line === undefined) throw new Error(`${baseUrl}/metrics has no ${series}`);
    return Number(line.slice(series.length + 1)) / MiB;
  };
  /** The values of every sample whose name starts with `prefix`, summed. @param {string} prefix */
  const sum = (prefix) =>
    text
      .split("\n")
      .filter((candidate) => candidate.startsWith(prefix))
      .reduce((total, line) => total + Number(line.split(" ").at(-1)), 0);
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  /** A `kB` field of /proc/PID/status, in MiB. @param {string} field */
  const kB = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  const anon = kB("RssAnon");
  const heapTotal = metric("nodejs_heap_size_total_bytes");
  const external = metric("nodejs_external_memory_bytes");
  return {
    rss: kB("VmRSS"),
    anon,
    file: kB("RssFile") + kB("RssShmem"),
    heapTotal,
    heapUsed: metric("nodejs_heap_size_used_bytes"),
    newSpace: metric('nodejs_heap_space_size_total_bytes{space="new"}'),
    oldSpace: metric('nodejs_heap_space_size_total_bytes{space="old"}'),
    external,
    arrayBuffers: metric("nodejs_array_buffers_bytes"),
    native: anon - heapTotal - external,
    majorGcs: sum('nodejs_gc_duration_seconds_count{kind="major"}'),
    gcSeconds: sum("nodejs_gc_duration_seconds_sum{"),
  };
}

/** The memory columns of {@link MemoryBreakdown}, in the order {@link memoryRow} prints them. */
const COLUMNS = /** @type {const} */ ([
  "rss",
  "anon",
  "file",
  "heapTotal",
  "heapUsed",
  "newSpace",
  "oldSpace",
  "external",
  "arrayBuffers",
  "native",
]);

/**
 * What the collector did between two breakdowns: `majorGcs` full collections, `gcSeconds` of
 * main-thread pauses (the marking V8 does on its helper threads is not in it).
 * @param {MemoryBreakdown} before @param {MemoryBreakdown} after
 */
export const gcBetween = (before, after) => ({
  majorGcs: after.majorGcs - before.majorGcs,
  gcSeconds: after.gcSeconds - before.gcSeconds,
});

/** The header line of a table of {@link memoryRow}s, `label` wide first column. */
export function memoryHeader(labelWidth = 24) {
  return `${"MiB".padEnd(labelWidth)} ${COLUMNS.map((column) => column.padStart(12)).join(" ")}`;
}

/**
 * One line of the table: `label`, then every figure of `memory` in MiB with one decimal.
 * @param {string} label @param {MemoryBreakdown} memory
 */
export function memoryRow(label, memory, labelWidth = 24) {
  return `${label.padEnd(labelWidth)} ${COLUMNS.map((column) => memory[column].toFixed(1).padStart(12)).join(" ")}`;
}
