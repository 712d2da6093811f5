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
