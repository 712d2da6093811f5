// @ts-check

/**
 * The methods the portal serves: pages answer GET and HEAD, `/api/*` the BFF's methods. The
 * proxy forwards only these to the BFF; the server's `Allow` header lists them.
 */
export const PORTAL_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
