import { z } from "zod";
import { freebitSimKindSchema } from "./account.js";

/*
 * Line activation: `/master/addAcnt/` (PA02-01, physical SIM) and `/mvno/esim/addAcnt/` (PA05-41,
 * eSIM) — documented requests [S] plus the assumed `requestKey` and answers [A] — and the assumed
 * `/mvno/getActivation/` query (contract.ts).
 */

/** MNP data as PA05-41 names it [S]: dates `YYYYMMDD`, gender `M` / `W` / `C` (corporate). */
export interface FreebitMnp {
  reserveNumber: string;
  reserveExpireDate: string;
  lastnameKanji: string;
  firstnameKanji: string;
  lastnameZenKana: string;
  firstnameZenKana: string;
  gender: "M" | "W" | "C";
  birthday: string;
}

/**
 * `/master/addAcnt/` request for one physical SIM line: the master account and password, the
 * relation code and `requestDatas` [S]; `simKind`, `deliveryCode` and `shipDate` (YYYYMMDD) where
 * PA05-41 documents them, at the top level [A: their place in PA02-01 was not readable].
 */
export interface AddAccountRequest {
  masterAccount: string;
  masterPassword: string;
  relationCode: string;
  createType: "new";
  requestKey: string;
  simKind: "sim";
  deliveryCode: string;
  shipDate: string;
  requestDatas: [{ kind: "MVNO"; account?: string; planCode: string; mnp?: FreebitMnp }];
}

/**
 * `/mvno/esim/addAcnt/` request: the master account and password, `simKind` [S; value `esim` A],
 * `deliveryCode` and `shipDate` (YYYYMMDD) [S], `addKind` N (new number) or M (MNP).
 */
export interface AddEsimAccountRequest {
  masterAccount: string;
  masterPassword: string;
  simKind: "esim";
  deliveryCode: string;
  shipDate: string;
  aladinOperated: "20";
  createType: "new";
  requestKey: string;
  eid: string;
  addKind: "N" | "M";
  account?: string;
  planCode: string;
  contractLine: "4G" | "5G";
  mnp?: FreebitMnp;
}

/** Activation states [A]. */
export const freebitActivationStateSchema = z.enum(["processing", "completed", "failed"]);
export type FreebitActivationState = z.infer<typeof freebitActivationStateSchema>;

/** Answer of both activation calls [A]: the line's number and the accepted request. */
export const addAccountResponseSchema = z.object({
  account: z.string(),
  activation: z.object({ requestKey: z.string(), state: freebitActivationStateSchema }),
});
export type AddAccountResponse = z.output<typeof addAccountResponseSchema>;

/** `activation` of a `/mvno/getActivation/` answer [A]; times ISO 8601 UTC. */
export const freebitActivationSchema = z.object({
  requestKey: z.string(),
  account: z.string(),
  simKind: freebitSimKindSchema,
  state: freebitActivationStateSchema,
  errorCode: z.string().nullable().optional(),
  acceptedAt: z.string(),
  completedAt: z.string().nullable().optional(),
});
export type FreebitActivation = z.output<typeof freebitActivationSchema>;

/** `/mvno/getActivation/` answer [A]. */
export const getActivationResponseSchema = z.object({ activation: freebitActivationSchema });
