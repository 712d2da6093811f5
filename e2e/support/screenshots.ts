import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Page, type TestInfo } from "@playwright/test";

/** Folder of the named full-page screenshots of each journey step (git-ignored). */
export const screenshotDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../artifacts/screenshots",
);

/**
 * Takes a full-page screenshot of the current page, saves it as
 * `e2e/artifacts/screenshots/<step>.png` (a stable name to look at after a run) and attaches it
 * to the test report.
 *
 * @param step  file-name-safe step name, e.g. `"03-dashboard"`
 */
export async function snap(page: Page, testInfo: TestInfo, step: string): Promise<void> {
  await mkdir(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${step}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(step, { path: file, contentType: "image/png" });
}
