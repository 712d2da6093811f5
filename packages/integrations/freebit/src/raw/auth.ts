import { z } from "zod";

/** `/authOem/` request. Source: contract.ts `authOem` [S]. */
export interface AuthOemRequest {
  oemId: string;
  oemKey: string;
}

/** `/authOem/` answer: the key every later call carries in its JSON. */
export const authOemResponseSchema = z.object({ authKey: z.string().min(1) });
