import { idSuffix } from "../model/record-id.js";

/** The 18-character id of the `n`-th demo record with key prefix `keyPrefix` (`001DEMO00000001…`). */
export function demoId(keyPrefix: string, n: number): string {
  const head = `${keyPrefix}DEMO${String(n).padStart(8, "0")}`;
  return head + idSuffix(head);
}
