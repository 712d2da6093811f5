import { paint } from "./output.mjs";

/**
 * Prints `lines` in a box (what a developer looks for in the scrolling logs).
 * `[label, value]` pairs are aligned in two columns; a plain string is a heading; `""` a gap.
 *
 * @param {Array<string | [string, string]>} lines
 * @returns {void}
 */
export function printBox(lines) {
  const labelWidth = Math.max(...lines.map((line) => (Array.isArray(line) ? line[0].length : 0)));
  const rows = lines.map((line) =>
    Array.isArray(line) ? `${line[0].padEnd(labelWidth)}  ${line[1]}` : line,
  );
  const width = Math.max(...rows.map((row) => row.length));
  const out = [
    `┌${"─".repeat(width + 2)}┐`,
    ...rows.map((row, index) => {
      const text = typeof lines[index] === "string" && row ? paint("bold", row) : row;
      return `│ ${text}${" ".repeat(width - row.length)} │`;
    }),
    `└${"─".repeat(width + 2)}┘`,
  ];
  console.log(`\n${paint("green", out.join("\n"))}\n`);
}
