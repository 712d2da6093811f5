import { z } from "zod";

/*
 * `/mvno/getDetail/` (PA03-02). The request is documented [S]; the response fields could not be
 * read and are the sandbox contract's [A] (contract.ts).
 */

/** Flags and kinds as Freebit writes them. */
export const freebitSimKindSchema = z.enum(["sim", "esim"]);
export type FreebitSimKind = z.infer<typeof freebitSimKindSchema>;

/** Line states [A]. */
export const freebitAccountStateSchema = z.enum(["pending", "active", "suspended", "cancelled"]);
export type FreebitAccountState = z.infer<typeof freebitAccountStateSchema>;

/** `/mvno/getDetail/` request. */
export interface GetDetailRequest {
  requestDatas: [{ kind: "MVNO"; account: string }];
  version: "2";
}

/** `account` of a `/mvno/getDetail/` answer [A]. */
export const freebitAccountDetailSchema = z.object({
  kind: z.literal("MVNO"),
  account: z.string(),
  iccid: z.string().optional(),
  eid: z.string().optional(),
  simKind: freebitSimKindSchema,
  planCode: z.string(),
  state: freebitAccountStateSchema,
  /** `YYYYMMDD`, `""` while pending. */
  startDate: z.string().optional(),
  contractLine: z.string().optional(),
});
export type FreebitAccountDetail = z.output<typeof freebitAccountDetailSchema>;

/** `/mvno/getDetail/` answer. */
export const getDetailResponseSchema = z.object({ account: freebitAccountDetailSchema });
