import { AxeBuilder } from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** The rule sets checked: WCAG 2.0 and 2.1, levels A and AA (labels, contrast, names, structure). */
const WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * Runs axe-core over the page as it is now and fails with a readable list (rule, impact, the
 * offending elements) when any WCAG 2.1 A/AA rule is violated.
 * Source: https://github.com/dequelabs/axe-core-npm/tree/develop/packages/playwright
 */
export async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_AA_TAGS).analyze();
  const report = violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? "unknown"}): ${violation.help}\n` +
      violation.nodes.map((node) => `    ${node.target.join(" ")}`).join("\n"),
  );
  expect(report, `accessibility violations on ${page.url()}`).toEqual([]);
}
