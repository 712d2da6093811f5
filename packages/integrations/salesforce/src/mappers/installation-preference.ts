import { type InstallationPreference, installationPreferenceSchema } from "@portal/domain";

/** `YYYY-MM-DD slot` with an optional ` / YYYY-MM-DD` second choice, blanks around tolerated. */
const PATTERN = /^\s*(\d{4}-\d{2}-\d{2})\s+([a-z]+)\s*(?:\/\s*(\d{4}-\d{2}-\d{2}))?\s*$/;

/**
 * The installation preference → the text stored in Order `Installation_Preference__c`, one line
 * staff read as it stands: the first choice with its time slot, then the second choice after a
 * slash — `2026-12-20 morning / 2026-12-22`, `2026-12-20 any`. Dates `YYYY-MM-DD` (Japan's
 * calendar), slots `morning` (9–12), `afternoon` (13–17), `any`. Decision 0058.
 */
export function toRawInstallationPreference(preference: InstallationPreference): string {
  const first = `${preference.firstChoice} ${preference.timeSlot}`;
  return preference.secondChoice === null ? first : `${first} / ${preference.secondChoice}`;
}

/**
 * `Installation_Preference__c` → the installation preference, the inverse of
 * {@link toRawInstallationPreference}; null when empty or when it does not read as one (staff
 * rewrote it in their own words, an invalid date, the same date twice).
 */
export function toInstallationPreference(value: string | null): InstallationPreference | null {
  const match = value === null ? null : PATTERN.exec(value);
  if (!match) return null;
  const [, firstChoice, timeSlot, secondChoice] = match;
  const parsed = installationPreferenceSchema.safeParse({
    firstChoice,
    secondChoice: secondChoice ?? null,
    timeSlot,
  });
  return parsed.success ? parsed.data : null;
}
