import { randomBytes } from "node:crypto";
import { access, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { generate } from "selfsigned";
import { z } from "zod";

/**
 * Development secrets shared by the sandbox and the BFF in embedded mode:
 * - `jwtAccessSecret`: HS256 key of the BFF's access tokens (48 random bytes, base64url).
 * - `whmcsApiIdentifier` / `whmcsApiSecret`: WHMCS API credentials.
 * - `whmcsWebhookSecret`: HMAC secret of the WHMCS hook's webhooks (≥ 32 characters).
 * - `sfClientId` / `sfUsername`: Salesforce connected app consumer key (JWT `iss`) and
 *   integration user (JWT `sub`, `integration@portal.sandbox`).
 * - `sfPrivateKeyPath`: RSA 2048 private key, PKCS#8 PEM, that signs the JWT assertions;
 *   `sfCertificatePath`: its self-signed X.509 certificate (PEM), which the sandbox verifies with.
 * Source: docs/architecture/wiring.md "Dev secrets"; docs/decisions/0003-dev-secrets.md.
 */
export interface DevSecrets {
  jwtAccessSecret: string;
  whmcsApiIdentifier: string;
  whmcsApiSecret: string;
  whmcsWebhookSecret: string;
  sfClientId: string;
  sfUsername: string;
  sfPrivateKeyPath: string;
  sfCertificatePath: string;
}

const storedSecretsSchema = z.object({
  jwtAccessSecret: z.string().min(32),
  whmcsApiIdentifier: z.string().min(1),
  whmcsApiSecret: z.string().min(1),
  whmcsWebhookSecret: z.string().min(32),
  sfClientId: z.string().min(1),
  sfUsername: z.string().min(1),
});
type StoredSecrets = z.infer<typeof storedSecretsSchema>;

/** Owner read/write only: these files hold secrets. */
const SECRET_FILE_MODE = 0o600;

/** How long the development certificate stays valid. */
const CERTIFICATE_YEARS = 10;

/**
 * Creates `<dataDir>/secrets/dev-secrets.json`, `sf-jwt.key` and `sf-jwt.crt` on first call
 * (mode 0600) and reuses them afterwards; a missing key or certificate is regenerated as a
 * pair. Returns the stored values plus the key and certificate paths.
 * @throws Error naming the file and the remedy (`npm run reset`) when `dev-secrets.json` exists
 *   but is not valid (cut short, edited by hand, from an incompatible version).
 */
export async function generateDevSecrets(dataDir: string): Promise<DevSecrets> {
  const directory = path.resolve(dataDir, "secrets");
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const secretsPath = path.join(directory, "dev-secrets.json");
  const keyPath = path.join(directory, "sf-jwt.key");
  const certificatePath = path.join(directory, "sf-jwt.crt");

  const stored = (await readSecrets(secretsPath)) ?? (await createSecrets(secretsPath));
  if (!(await exists(keyPath)) || !(await exists(certificatePath))) {
    const pems = await generate([{ name: "commonName", value: "portal-sandbox-jwt" }], {
      keySize: 2048,
      algorithm: "sha256",
      notAfterDate: new Date(Date.now() + CERTIFICATE_YEARS * 365 * 24 * 60 * 60 * 1000),
    });
    await writeSecretFile(keyPath, pems.private);
    await writeSecretFile(certificatePath, pems.cert);
  }
  return { ...stored, sfPrivateKeyPath: keyPath, sfCertificatePath: certificatePath };
}

async function readSecrets(filePath: string): Promise<StoredSecrets | null> {
  let text: string;
  try {
    text = await readFile(filePath, "utf8");
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return null;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw invalidSecretsFile(
      filePath,
      `not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const parsed = storedSecretsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidSecretsFile(filePath, `${issue?.path.join(".") || "?"}: ${issue?.message ?? "?"}`);
  }
  return parsed.data;
}

/**
 * The error for a dev secrets file that cannot be used (a raw `SyntaxError` would name neither
 * the file nor the way out). The remedy offered is `npm run reset`, the documented way back to a
 * known state (README, "Troubleshooting").
 */
function invalidSecretsFile(filePath: string, why: string): Error {
  return new Error(
    `${filePath} is not a valid dev secrets file (${why}). Run \`npm run reset\` to delete the embedded state; the next start creates new secrets.`,
  );
}

async function createSecrets(filePath: string): Promise<StoredSecrets> {
  const secrets: StoredSecrets = {
    jwtAccessSecret: randomBytes(48).toString("base64url"),
    whmcsApiIdentifier: randomBytes(24).toString("base64url"),
    whmcsApiSecret: randomBytes(24).toString("base64url"),
    whmcsWebhookSecret: randomBytes(48).toString("base64url"),
    sfClientId: `3MVG9${randomBytes(60).toString("base64url").replace(/[-_]/g, "").slice(0, 80)}`,
    sfUsername: "integration@portal.sandbox",
  };
  try {
    // `wx`: if another process created the file meanwhile, keep its values instead of ours.
    await writeFile(filePath, `${JSON.stringify(secrets, null, 2)}\n`, {
      mode: SECRET_FILE_MODE,
      flag: "wx",
    });
    return secrets;
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "EEXIST") {
      const existing = await readSecrets(filePath);
      if (existing) return existing;
    }
    throw error;
  }
}

async function writeSecretFile(filePath: string, contents: string): Promise<void> {
  const temporary = `${filePath}.${process.pid}.tmp`;
  await writeFile(temporary, contents, { mode: SECRET_FILE_MODE });
  await rename(temporary, filePath);
}

async function exists(filePath: string): Promise<boolean> {
  return access(filePath).then(
    () => true,
    () => false,
  );
}
