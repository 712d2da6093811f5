/**
 * A refusal of an External API action: answered as HTTP 200
 * `{"result":"error","message":"<message>"}`, the way WHMCS reports business errors
 * ("Client Not Found", "Invoice ID Not Found"…). Source: WHMCS/developer-docs api-reference/*.md
 * "Error Responses".
 */
export class WhmcsActionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WhmcsActionError";
  }
}
