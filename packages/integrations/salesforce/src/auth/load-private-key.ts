import { readFile } from "node:fs/promises";

/**
 * Reads the connected app's RSA private key (PEM, PKCS#8 `BEGIN PRIVATE KEY` or PKCS#1
 * `BEGIN RSA PRIVATE KEY`) from `path` (`SF_PRIVATE_KEY_PATH`), for `SalesforceClientConfig.privateKeyPem`.
 * Rejects with the file system error (e.g. `ENOENT`) when the file cannot be read; the key itself is
 * checked when the client is constructed.
 */
export async function loadPrivateKey(path: string): Promise<string> {
  return readFile(path, "utf8");
}
