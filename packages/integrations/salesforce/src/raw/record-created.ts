import { z } from "zod";

/**
 * The answer to creating one record — `POST sobjects/{Type}` (201), and each create subrequest of
 * a Composite request: `{ id, success: true, errors: [] }`. Source: REST API Developer Guide,
 * "Create a Record".
 */
export const recordCreatedSchema = z.object({
  id: z.string(),
  success: z.literal(true),
  errors: z.array(z.unknown()).optional(),
});
