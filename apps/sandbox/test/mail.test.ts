import { createTransport } from "nodemailer";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ReceivedMail, Sandbox } from "../src/index.js";
import {
  createTestSecrets,
  removeTestSecrets,
  startTestSandbox,
  type TestSecrets,
} from "./support/test-sandbox.js";

let secrets: TestSecrets;
let sandbox: Sandbox;

beforeAll(async () => {
  secrets = await createTestSecrets();
  sandbox = await startTestSandbox(secrets);
});
afterAll(async () => {
  await sandbox.close();
  await removeTestSecrets(secrets);
});
beforeEach(async () => {
  await fetch(`${sandbox.url}/__control/mail`, { method: "DELETE" });
});

async function send(to: string, subject: string): Promise<void> {
  const transport = createTransport(sandbox.smtpUrl);
  try {
    await transport.sendMail({
      from: "Portal <no-reply@portal.example>",
      to,
      subject,
      text: `本文 ${subject}`,
      html: `<p>本文 <b>${subject}</b></p>`,
    });
  } finally {
    transport.close();
  }
}

async function mailTo(to?: string): Promise<ReceivedMail[]> {
  const query = to === undefined ? "" : `?to=${encodeURIComponent(to)}`;
  const response = await fetch(`${sandbox.url}/__control/mail${query}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { messages: ReceivedMail[] }).messages;
}

async function setRefusal(refusal: string): Promise<void> {
  const response = await fetch(`${sandbox.url}/__control/mail/refusal`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ refusal }),
  });
  expect(response.status).toBe(204);
}

describe("SMTP stand-in (nodemailer → smtp-server → /__control/mail)", () => {
  it("keeps every message and serves it newest first, filtered by recipient", async () => {
    await send("Hanako@Example.jp", "一通目");
    await send("hanako@example.jp", "二通目");
    await send("taro@example.jp", "別の人");

    const hanako = await mailTo("HANAKO@example.jp");
    expect(hanako.map((mail) => mail.subject)).toEqual(["二通目", "一通目"]);
    expect(hanako[0]).toEqual({
      to: ["hanako@example.jp"],
      from: "no-reply@portal.example",
      subject: "二通目",
      text: "本文 二通目",
      html: "<p>本文 <b>二通目</b></p>",
      receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
    });
    expect(await mailTo()).toHaveLength(3);
  });

  it("empties the mailbox on DELETE and on a sandbox reset", async () => {
    await send("a@example.jp", "one");
    await fetch(`${sandbox.url}/__control/mail`, { method: "DELETE" });
    expect(await mailTo()).toEqual([]);

    await send("a@example.jp", "two");
    await fetch(`${sandbox.url}/__control/reset`, { method: "POST" });
    expect(await mailTo()).toEqual([]);
  });

  it("refuses recipients with 451 or 550 when told to, keeping nothing", async () => {
    await setRefusal("transient");
    await expect(send("a@example.jp", "x")).rejects.toMatchObject({ responseCode: 451 });
    await setRefusal("permanent");
    await expect(send("a@example.jp", "x")).rejects.toMatchObject({ responseCode: 550 });
    expect(await mailTo()).toEqual([]);

    await setRefusal("accept");
    await send("a@example.jp", "back");
    expect((await mailTo()).map((mail) => mail.subject)).toEqual(["back"]);
  });

  it("names a malformed address or refusal with a 400", async () => {
    expect((await fetch(`${sandbox.url}/__control/mail?to=nobody`)).status).toBe(400);
    const response = await fetch(`${sandbox.url}/__control/mail/refusal`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ refusal: "sometimes" }),
    });
    expect(response.status).toBe(400);
  });

  it("shows the mailbox in the console with the HTML in a sandboxed iframe", async () => {
    const transport = createTransport(sandbox.smtpUrl);
    await transport.sendMail({
      from: "no-reply@portal.example",
      to: "a@example.jp",
      subject: "<script>alert(1)</script>",
      text: "plain",
      html: `<p onclick="x()">"quoted" & <script>alert(2)</script></p>`,
    });
    transport.close();

    const page = await (await fetch(`${sandbox.url}/`)).text();
    expect(page).toContain("Mailbox");
    expect(page).toContain(sandbox.smtpUrl);
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).not.toContain("<script>alert(");
    expect(page).toMatch(/<iframe\s+sandbox=""[^>]*srcdoc="&lt;p onclick=&quot;x\(\)&quot;&gt;/);
  });
});
