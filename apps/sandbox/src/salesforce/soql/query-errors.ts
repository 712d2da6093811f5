import { SalesforceApiError } from "../salesforce-error.js";

/**
 * The 400 errors the query resource returns, worded as Salesforce words them: the message
 * repeats the query, points at the offending column and explains. Source: Salesforce REST API
 * Developer Guide, "Execute a SOQL Query" and observed error bodies.
 */
function located(soql: string, token: string, explanation: string): string {
  const index = findToken(soql, token);
  const column = index + 1;
  return `\n${soql}\n${" ".repeat(index)}^\nERROR at Row:1:Column:${column}\n${explanation}`;
}

function findToken(soql: string, token: string): number {
  const match = new RegExp(`(^|[^A-Za-z0-9_.])(${escapeRegExp(token)})(?![A-Za-z0-9_])`, "i").exec(
    soql,
  );
  return match ? match.index + (match[1]?.length ?? 0) : 0;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** `MALFORMED_QUERY`: the text is not SOQL, or uses a construct the sandbox does not evaluate. */
export function malformedQuery(message: string): SalesforceApiError {
  return new SalesforceApiError(400, "MALFORMED_QUERY", message);
}

/** `INVALID_FIELD`: `field` is not a column of `typeName`. */
export function noSuchColumn(soql: string, field: string, typeName: string): SalesforceApiError {
  return new SalesforceApiError(
    400,
    "INVALID_FIELD",
    located(
      soql,
      field,
      `No such column '${field}' on entity '${typeName}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
    ),
  );
}

/** `INVALID_FIELD`: `relationship` is not a relationship of the type it is used on. */
export function unknownRelationship(soql: string, relationship: string): SalesforceApiError {
  return new SalesforceApiError(
    400,
    "INVALID_FIELD",
    located(
      soql,
      relationship,
      `Didn't understand relationship '${relationship}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
    ),
  );
}

/** `INVALID_FIELD`: a filter value of the wrong type for its field. */
export function wrongFilterType(
  soql: string,
  field: string,
  expectation: string,
): SalesforceApiError {
  return new SalesforceApiError(
    400,
    "INVALID_FIELD",
    located(
      soql,
      field,
      `value of filter criterion for field '${field}' must be of type ${expectation}`,
    ),
  );
}

/** `INVALID_TYPE`: the FROM object is not an sObject type of the org. */
export function unknownSObject(soql: string, typeName: string): SalesforceApiError {
  return new SalesforceApiError(
    400,
    "INVALID_TYPE",
    located(
      soql,
      typeName,
      `sObject type '${typeName}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
    ),
  );
}

/** `INVALID_TYPE`: a sub-query's FROM is not a child relationship of the parent type. */
export function unknownChildRelationship(soql: string, relationship: string): SalesforceApiError {
  return new SalesforceApiError(
    400,
    "INVALID_TYPE",
    located(
      soql,
      relationship,
      `Didn't understand relationship '${relationship}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
    ),
  );
}

/** `MALFORMED_QUERY`: a selected field is neither in GROUP BY nor aggregated. */
export function notGrouped(soql: string, field: string): SalesforceApiError {
  return new SalesforceApiError(
    400,
    "MALFORMED_QUERY",
    located(soql, field, `Field must be grouped or aggregated: ${field}`),
  );
}

/** `INVALID_FIELD`: an aggregate function applied to a field type it does not accept. */
export function unsupportedAggregate(
  soql: string,
  field: string,
  functionName: string,
): SalesforceApiError {
  return new SalesforceApiError(
    400,
    "INVALID_FIELD",
    located(soql, field, `field ${field} does not support aggregate operator ${functionName}`),
  );
}

/**
 * `MALFORMED_QUERY` for a semi-join or anti-join that breaks the reference's rules, pointing at
 * `token` when given, else at the sub-select. Wording as Salesforce's where it is known
 * ("semi join sub selects can only query id fields, cannot use: 'Name'", "Semi join sub-selects
 * are not allowed with the 'OR' operator", "…only allowed at the top level WHERE expressions.").
 */
export function semiJoinError(
  soql: string,
  explanation: string,
  token = "SELECT",
): SalesforceApiError {
  const inner = token === "SELECT" ? nthToken(soql, "SELECT", 2) : findToken(soql, token);
  const column = inner + 1;
  return new SalesforceApiError(
    400,
    "MALFORMED_QUERY",
    `\n${soql}\n${" ".repeat(inner)}^\nERROR at Row:1:Column:${column}\n${explanation}`,
  );
}

/** `INVALID_FIELD`: INCLUDES / EXCLUDES on a field that is not a multi-select picklist. */
export function notMultiPicklist(soql: string, field: string): SalesforceApiError {
  return new SalesforceApiError(
    400,
    "INVALID_FIELD",
    located(soql, field, "includes or excludes operator only valid on multipicklist field"),
  );
}

/** `MALFORMED_QUERY` pointing at `token` (a clause keyword or field) with `explanation`. */
export function malformedAt(soql: string, token: string, explanation: string): SalesforceApiError {
  return new SalesforceApiError(400, "MALFORMED_QUERY", located(soql, token, explanation));
}

/** `NUMBER_OUTSIDE_VALID_RANGE`: an OFFSET above the 2,000 rows Salesforce allows. */
export function offsetOutOfRange(soql: string, offset: number): SalesforceApiError {
  return new SalesforceApiError(
    400,
    "NUMBER_OUTSIDE_VALID_RANGE",
    located(soql, "OFFSET", `Maximum SOQL offset allowed is 2000, but was ${offset}`),
  );
}

function nthToken(soql: string, token: string, n: number): number {
  const pattern = new RegExp(`(^|[^A-Za-z0-9_])(${escapeRegExp(token)})(?![A-Za-z0-9_])`, "gi");
  let match: RegExpExecArray | null;
  let seen = 0;
  while ((match = pattern.exec(soql)) !== null) {
    seen += 1;
    if (seen === n) return match.index + (match[1]?.length ?? 0);
  }
  return 0;
}
