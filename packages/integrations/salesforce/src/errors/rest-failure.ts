/**
 * How the REST transport reports a call without a usable answer to the client core, which knows the
 * operation and turns it into a `SalesforceError` (`toSalesforceError`): an error `response`
 * (status ≥ 400 and its body), or no response at all (`cause`: the network error or timeout).
 * Never leaves the package.
 */
export class RestFailure extends Error {
  override readonly name = "RestFailure";

  constructor(
    readonly response: { status: number; body: string } | undefined,
    options: { cause?: unknown } = {},
  ) {
    super(response ? `HTTP ${response.status}` : "no response", options);
  }
}
