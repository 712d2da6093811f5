import { raw } from "@portal/freebit";
import { z } from "zod";
import type { StateDefinition } from "../../state/versioned-store.js";

/**
 * The Freebit stand-in's persisted state (`<dataDir>/freebit.json`): the MVNO lines ("accounts")
 * and the activation requests that made them, in the field names of the contract
 * (`packages/integrations/freebit/src/contract.ts`, documented and assumed parts).
 */

/** A mobile line; `startDate` `YYYYMMDD`, `""` while pending. */
export const freebitLineSchema = z.object({
  account: z.string().regex(/^\d{11}$/),
  simKind: raw.freebitSimKindSchema,
  iccid: z.string(),
  eid: z.string(),
  planCode: z.string(),
  state: raw.freebitAccountStateSchema,
  startDate: z.string(),
  contractLine: z.string(),
});
export type FreebitLine = z.infer<typeof freebitLineSchema>;

/**
 * An activation request [A]: its key, the line it makes, what was asked (`request`, canonical
 * JSON, to tell a repeat from a conflicting reuse of the key), its state and when it settles on
 * its own (`settlesAt`, ISO 8601; null: only the console or control API settles it).
 */
export const freebitActivationRecordSchema = z.object({
  requestKey: z.string(),
  account: z.string(),
  simKind: raw.freebitSimKindSchema,
  request: z.string(),
  state: raw.freebitActivationStateSchema,
  errorCode: z.string().nullable(),
  acceptedAt: z.string(),
  settlesAt: z.string().nullable(),
  completedAt: z.string().nullable(),
});
export type FreebitActivationRecord = z.infer<typeof freebitActivationRecordSchema>;

/** The whole Freebit document; `nextNumber` is the next number handed out for a new line [A]. */
export const freebitStateSchema = z.object({
  seedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  lines: z.array(freebitLineSchema),
  activations: z.array(freebitActivationRecordSchema),
  nextNumber: z.number().int().positive(),
});
export type FreebitState = z.infer<typeof freebitStateSchema>;

/** The Freebit stand-in's state file (version 1: no upgrades yet). */
export const FREEBIT_STATE: StateDefinition<FreebitState> = {
  fileName: "freebit.json",
  version: 1,
  schema: freebitStateSchema,
  upgrades: {},
};
