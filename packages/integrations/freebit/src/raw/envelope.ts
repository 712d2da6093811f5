import { z } from "zod";

/**
 * The envelope of every Freebit answer: `resultCode` (`"100"` = success; sometimes a number) and
 * `status { message, statusCode }` with the detailed code. Source: vendor-facts §5.2 / §5.4 [S];
 * the codes themselves are in `contract.ts`.
 */
export const freebitEnvelopeSchema = z.looseObject({
  resultCode: z.union([z.string(), z.number()]).transform(String),
  status: z
    .looseObject({
      message: z.string().optional(),
      statusCode: z.union([z.string(), z.number()]).transform(String).optional(),
    })
    .optional(),
});
export type FreebitEnvelope = z.output<typeof freebitEnvelopeSchema>;
