import { generate } from "selfsigned";

/** A server certificate and its private key, PEM. */
export interface TlsCertificate {
  readonly certificatePem: string;
  readonly privateKeyPem: string;
}

/** How long a start's certificate is valid; a new one is made at every start anyway. */
const VALIDITY_DAYS = 30;

/**
 * A self-signed certificate for the Pub/Sub stand-in's TLS (clients of the real API always use
 * TLS; `salesforce-pubsub-api-client` cannot speak plaintext — vendor-facts §1.4, §7), made at
 * every start: an EC P-256 key (milliseconds to make, unlike RSA), SHA-256 signature, names
 * `localhost`, `127.0.0.1`, `::1` and `host`. Clients trust it by its PEM (the sandbox writes it
 * to `<dataDir>/pubsub-tls.crt`) or skip verification (`rejectUnauthorizedSsl: false`).
 */
export async function generateTlsCertificate(host: string): Promise<TlsCertificate> {
  const ip = /^[\d.]+$|:/.test(host);
  const pems = await generate([{ name: "commonName", value: "portal-sandbox-pubsub" }], {
    keyType: "ec",
    curve: "P-256",
    algorithm: "sha256",
    notAfterDate: new Date(Date.now() + VALIDITY_DAYS * 24 * 60 * 60 * 1000),
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
          { type: 7, ip: "::1" },
          ip ? { type: 7, ip: host } : { type: 2, value: host },
        ],
      },
    ],
  });
  return { certificatePem: pems.cert, privateKeyPem: pems.private };
}
