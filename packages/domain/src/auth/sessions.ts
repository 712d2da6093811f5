import { z } from "zod";
import { isoDateTimeSchema } from "../common/iso-date.js";

/**
 * One signed-in session (a refresh-token family; decision 0034): the browser and device as parsed
 * from the user agent (null when unknown), the IP address of its latest use, its first and last use
 * (ISO 8601 UTC; last use moves on each refresh, about every 15 minutes of activity), and whether it
 * is the caller's own.
 */
export const accountSessionSchema = z.object({
  id: z.uuid(),
  browser: z.string().nullable(),
  os: z.string().nullable(),
  device: z.enum(["desktop", "mobile", "tablet", "other"]),
  ip: z.string().nullable(),
  firstUsedAt: isoDateTimeSchema,
  lastUsedAt: isoDateTimeSchema,
  current: z.boolean(),
});
export type AccountSession = z.infer<typeof accountSessionSchema>;

/** `GET /api/auth/sessions` answer, most recently used first. */
export const accountSessionListSchema = z.object({ sessions: z.array(accountSessionSchema) });
export type AccountSessionList = z.infer<typeof accountSessionListSchema>;

/** `DELETE /api/auth/sessions/:id` path. */
export const sessionIdParamsSchema = z.object({ id: z.uuid("Unknown session") });
export type SessionIdParams = z.infer<typeof sessionIdParamsSchema>;

/** `POST /api/auth/sessions/end-others` answer: how many sessions were ended. */
export const endedSessionsSchema = z.object({ ended: z.number().int().min(0) });
export type EndedSessions = z.infer<typeof endedSessionsSchema>;
