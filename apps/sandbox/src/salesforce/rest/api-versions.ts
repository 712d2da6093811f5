import { notFound } from "../salesforce-error.js";

/** Oldest and newest REST API versions the sandbox answers to (`v31.0` … `v65.0`). */
const OLDEST = 31;
const NEWEST = 65;

const SEASONS = ["Winter", "Spring", "Summer"] as const;

/**
 * The release label of a major version: three releases a year, v62.0 = Winter '25,
 * v63.0 = Spring '25, v64.0 = Summer '25, v65.0 = Winter '26.
 */
function releaseLabel(major: number): string {
  const offset = major - 62;
  const season = SEASONS[((offset % 3) + 3) % 3] ?? "Winter";
  const year = 25 + Math.floor(offset / 3);
  return `${season} '${String(year).padStart(2, "0")}`;
}

/** `GET /services/data/`: every available version, oldest first. Source: REST API "Versions". */
export function listVersions(): { label: string; url: string; version: string }[] {
  const versions = [];
  for (let major = OLDEST; major <= NEWEST; major += 1) {
    versions.push({
      label: releaseLabel(major),
      url: `/services/data/v${major}.0`,
      version: `${major}.0`,
    });
  }
  return versions;
}

/**
 * The version of a `vXX.X` path segment (`"v62.0"` → `"62.0"`).
 * @throws SalesforceApiError 404 `NOT_FOUND` for a malformed or unavailable version.
 */
export function parseVersion(segment: string): string {
  const match = /^v(\d+)\.0$/.exec(segment);
  const major = match ? Number(match[1]) : Number.NaN;
  if (!(major >= OLDEST && major <= NEWEST)) throw notFound();
  return `${major}.0`;
}
