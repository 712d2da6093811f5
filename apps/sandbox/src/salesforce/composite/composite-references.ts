import { SalesforceApiError } from "../salesforce-error.js";

/** `@{referenceId.path}` inside a subrequest's URL or body. */
const REFERENCE = /@\{([A-Za-z0-9][A-Za-z0-9_]*)((?:\.[A-Za-z0-9_]+|\[\d+\])*)\}/g;

/** The results of earlier subrequests by reference id; `undefined` for one that failed. */
export type ReferenceResults = ReadonlyMap<string, unknown>;

/** A reference naming a subrequest that has no result (unknown, later, or failed). */
export class UnresolvedReference extends Error {
  constructor(
    readonly expression: string,
    readonly referenceId: string,
  ) {
    super(
      `Invalid reference specified. No value for ${expression} found in ${referenceId}. Provided referenceId ('${referenceId}') may be invalid or the response for it may not be available yet.`,
    );
  }

  /** How Salesforce answers the subrequest that used it: 400 `PROCESSING_HALTED`. */
  toApiError(): SalesforceApiError {
    return new SalesforceApiError(400, "PROCESSING_HALTED", this.message);
  }
}

/**
 * `value` with every `@{referenceId.path}` replaced by that path of the referenced subrequest's
 * response body (`records[0].Id`, `id`). A string that is one whole reference takes the referred
 * value as it is (a number stays a number); inside longer text the value is written as text.
 * @throws UnresolvedReference for a reference to no result or to a missing path.
 */
export function resolveReferences(value: unknown, results: ReferenceResults): unknown {
  if (typeof value === "string") return resolveInText(value, results);
  if (Array.isArray(value)) return value.map((item) => resolveReferences(item, results));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, resolveReferences(item, results)]),
    );
  }
  return value;
}

function resolveInText(text: string, results: ReferenceResults): unknown {
  const whole = new RegExp(`^${REFERENCE.source}$`).exec(text);
  if (whole) return lookup(whole[0], whole[1] ?? "", whole[2] ?? "", results);
  return text.replace(REFERENCE, (expression, referenceId: string, path: string) =>
    String(lookup(expression, referenceId, path, results)),
  );
}

function lookup(
  expression: string,
  referenceId: string,
  path: string,
  results: ReferenceResults,
): unknown {
  const shown = expression.slice(2, -1);
  if (!results.has(referenceId) || results.get(referenceId) === undefined) {
    throw new UnresolvedReference(shown, referenceId);
  }
  let current: unknown = results.get(referenceId);
  for (const step of path.matchAll(/\.([A-Za-z0-9_]+)|\[(\d+)\]/g)) {
    const key = step[1] ?? Number(step[2]);
    current =
      current !== null && typeof current === "object"
        ? (current as Record<string | number, unknown>)[key]
        : undefined;
    if (current === undefined) throw new UnresolvedReference(shown, referenceId);
  }
  return current;
}
