/*
 * The raw Freebit wire schemas, exported as the `raw` namespace for the sandbox (the other side of
 * the wire). Application code uses the client's mapped types instead.
 */
export * from "./envelope.js";
export type * from "./auth.js";
export { authOemResponseSchema } from "./auth.js";
export * from "./account.js";
export * from "./activation.js";
