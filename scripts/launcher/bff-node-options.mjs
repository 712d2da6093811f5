/**
 * Ceiling of the BFF's V8 old generation, in MiB (`--max-old-space-size`). Besides capping the
 * heap, V8 derives from it how far the old generation may grow past its live objects before the
 * next full collection: 4 × the live size when the ceiling is 2,048 MiB or more (Node's default on
 * a machine with 16 GiB or more is about 4 GiB), scaled down to 1.3–2 × below it (V8's
 * `MemoryController::MaxGrowingFactor`, 64-bit Node without pointer compression). At 512 the
 * factor is 1.4, so under load the BFF's heap stays near 1.4 × its live objects (about 60 MiB)
 * instead of climbing to 4 × between collections — decision 0078, figures in
 * docs/operations/performance.md "Memory under load". 512 is still 8 × the live heap: a BFF that
 * reaches it has a leak, and dies with a heap-limit error rather than swapping.
 */
export const BFF_MAX_OLD_SPACE_MIB = 512;

/**
 * The `NODE_OPTIONS` the BFF process runs with: the launcher's own (`nodeOptions`, passed
 * through), plus `--max-old-space-size=`{@link BFF_MAX_OLD_SPACE_MIB} unless they already set
 * one — an operator's value wins.
 *
 * @param {string | undefined} nodeOptions  the launcher's `NODE_OPTIONS`
 * @returns {string}
 */
export function bffNodeOptions(nodeOptions) {
  const own = nodeOptions?.trim() ?? "";
  // V8 reads `--max_old_space_size` as the same flag.
  if (/(^|\s)--max[-_]old[-_]space[-_]size=/.test(own)) return own;
  return [own, `--max-old-space-size=${BFF_MAX_OLD_SPACE_MIB}`].filter(Boolean).join(" ");
}
