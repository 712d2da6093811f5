import { z } from "zod";

/** A calendar date, ISO 8601 `YYYY-MM-DD` (billing dates carry no time of day). */
export const isoDateSchema = z.iso.date();

/** An instant, ISO 8601 in UTC with a `Z` suffix, e.g. `2026-11-21T04:26:56.000Z`. */
export const isoDateTimeSchema = z.iso.datetime();
