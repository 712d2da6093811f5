import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { importPKCS8, importX509, jwtVerify, SignJWT } from "jose";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateDevSecrets } from "../src/index.js";

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "sandbox-secrets-"));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("generateDevSecrets", () => {
  it("creates the secrets, an RSA key and its certificate, readable by the owner only", async () => {
    const secrets = await generateDevSecrets(dataDir);
    const directory = path.join(dataDir, "secrets");
    expect(secrets).toMatchObject({
      sfUsername: "integration@portal.sandbox",
      sfPrivateKeyPath: path.join(directory, "sf-jwt.key"),
      sfCertificatePath: path.join(directory, "sf-jwt.crt"),
    });
    expect(Buffer.from(secrets.jwtAccessSecret, "base64url")).toHaveLength(48);
    expect(secrets.whmcsWebhookSecret.length).toBeGreaterThanOrEqual(32);
    for (const name of ["dev-secrets.json", "sf-jwt.key", "sf-jwt.crt"]) {
      expect((await stat(path.join(directory, name))).mode & 0o777).toBe(0o600);
    }

    const keyPem = await readFile(secrets.sfPrivateKeyPath, "utf8");
    expect(keyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const jwt = await new SignJWT({})
      .setProtectedHeader({ alg: "RS256" })
      .setIssuer("x")
      .sign(await importPKCS8(keyPem, "RS256"));
    const certificate = await importX509(
      await readFile(secrets.sfCertificatePath, "utf8"),
      "RS256",
    );
    await expect(jwtVerify(jwt, certificate)).resolves.toMatchObject({ payload: { iss: "x" } });
  });

  it("reuses what exists on later calls", async () => {
    const first = await generateDevSecrets(dataDir);
    const certificate = await readFile(first.sfCertificatePath, "utf8");
    const second = await generateDevSecrets(dataDir);
    expect(second).toEqual(first);
    expect(await readFile(second.sfCertificatePath, "utf8")).toBe(certificate);
  });

  it("regenerates the key pair when the certificate is missing, keeping the other secrets", async () => {
    const first = await generateDevSecrets(dataDir);
    const oldKey = await readFile(first.sfPrivateKeyPath, "utf8");
    await rm(first.sfCertificatePath);
    const second = await generateDevSecrets(dataDir);
    expect(second.whmcsApiSecret).toBe(first.whmcsApiSecret);
    expect(await readFile(second.sfPrivateKeyPath, "utf8")).not.toBe(oldKey);
    await expect(
      importX509(await readFile(second.sfCertificatePath, "utf8"), "RS256"),
    ).resolves.toBeDefined();
  });
});

describe("generateDevSecrets with a damaged dev-secrets.json", () => {
  it.each([
    ["cut short", '{"jwtAccessSecret": "abc'],
    ["empty", ""],
    ["missing a value", JSON.stringify({ sfUsername: "integration@portal.sandbox" })],
  ])("throws an error naming the file and npm run reset when it is %s", async (_case, text) => {
    const directory = path.join(dataDir, "secrets");
    await mkdir(directory, { recursive: true });
    const file = path.join(directory, "dev-secrets.json");
    await writeFile(file, text);
    const failure = generateDevSecrets(dataDir);
    await expect(failure).rejects.toThrow(file);
    await expect(failure).rejects.toThrow("npm run reset");
    expect(await readFile(file, "utf8")).toBe(text);
  });
});
