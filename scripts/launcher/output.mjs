import readline from "node:readline";
import { styleText } from "node:util";

/** Colours only on a terminal, and never when the user opted out (https://no-color.org). */
const colour = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;

/** Tag width: the longest process name (`sandbox`) plus its brackets, so columns line up. */
const TAG_WIDTH = 9;

/**
 * Paints `text` with a `util.styleText` format when stdout is a terminal; plain otherwise.
 *
 * @param {Parameters<typeof styleText>[0]} format  e.g. `"cyan"`, `["bold", "green"]`
 * @param {string} text
 * @returns {string}
 */
export function paint(format, text) {
  return colour ? styleText(format, text) : text;
}

/**
 * The `[name]` prefix put before every line a process prints, padded to one width.
 *
 * @param {string} name  process name, e.g. `"bff"`
 * @param {Parameters<typeof styleText>[0]} format  its colour
 * @returns {string}
 */
export function tag(name, format) {
  return paint(format, `[${name}]`.padEnd(TAG_WIDTH));
}

/**
 * Copies a child's stdout and stderr line by line to ours, each line prefixed with `prefix`,
 * so the output of several processes stays readable when interleaved.
 *
 * @param {import("node:child_process").ChildProcess} child  spawned with `stdio: "pipe"` for 1 and 2
 * @param {string} prefix  from {@link tag}
 * @returns {void}
 */
export function pipeOutput(child, prefix) {
  for (const [source, sink] of /** @type {const} */ ([
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ])) {
    if (!source) continue;
    readline.createInterface({ input: source, crlfDelay: Infinity }).on("line", (line) => {
      sink.write(`${prefix} ${line}\n`);
    });
  }
}
