import { createPrivateKey, type KeyObject } from "node:crypto";
import { SalesforceError } from "../errors/salesforce-error.js";

/** The operation name of key parsing, in errors. */
const READ_PRIVATE_KEY = "readPrivateKey";

/**
 * Parses the connected app's RSA private key from PEM. Node's parser reads both PKCS#8
 * (`BEGIN PRIVATE KEY`) and PKCS#1 (`BEGIN RSA PRIVATE KEY`), and `jose` signs with the resulting
 * `KeyObject` directly, so neither format needs converting.
 * Throws `SalesforceError` (`auth`) when the PEM is unreadable, encrypted, or not an RSA key (RS256
 * is the only algorithm Salesforce's JWT bearer flow accepts).
 */
export function readRsaPrivateKey(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (error) {
    throw new SalesforceError("auth", READ_PRIVATE_KEY, {
      message: "Salesforce private key is not a readable, unencrypted PEM private key",
      cause: error,
    });
  }
  if (key.asymmetricKeyType !== "rsa") {
    throw new SalesforceError("auth", READ_PRIVATE_KEY, {
      message: `Salesforce private key must be RSA, got ${key.asymmetricKeyType ?? "unknown"}`,
    });
  }
  return key;
}
