import { z } from "zod";

/**
 * The body of `GET /services/data/vXX.X/query?q=<SOQL>`: `{ totalSize, done, records, nextRecordsUrl? }`.
 * `nextRecordsUrl` appears only when `done` is false (more than one batch, 2,000 records by default).
 * Source: REST API Developer Guide, "Execute a SOQL Query"
 * (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_query.htm).
 */
export function queryResultSchema<Record extends z.ZodType>(record: Record) {
  return z.object({
    totalSize: z.number().int().nonnegative(),
    done: z.boolean(),
    records: z.array(record),
    nextRecordsUrl: z.string().optional(),
  });
}

/**
 * A query result as a type, for code that writes one (the sandbox): the fields of
 * {@link queryResultSchema} with records of type `Record`.
 */
export type RawQueryResult<Record> = Omit<
  z.infer<ReturnType<typeof queryResultSchema>>,
  "records"
> & { records: Record[] };
