import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppJobs } from "../src/modules/queue/app-jobs.js";
import { UsersRepository } from "../src/modules/identity/repositories/users.repository.js";
import { MailService } from "../src/modules/mail/mail.service.js";
import { JobQueue } from "../src/modules/queue/job-queue.js";
import { signupBody, UNREGISTERED } from "./support/demo-data.js";
import { eventually } from "./support/eventually.js";
import { newUnregisteredAccount } from "./support/salesforce-accounts.js";
import { type SandboxMail } from "./support/sandbox-control.js";
import { startStack, type Stack } from "./support/stack.js";

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
});

/** The welcome mails to `to` (not the sign-up code's), newest first. */
async function welcomeMails(to: string): Promise<SandboxMail[]> {
  return (await stack.control.mail(to)).filter((mail) => /ようこそ|Welcome/.test(mail.subject));
}

/** The welcome mails to `to`, once one arrived (the outbox sends after the answer). */
function mailArrives(to: string): Promise<SandboxMail[]> {
  return eventually(
    () => welcomeMails(to),
    (messages) => messages.length >= 1,
    { attempts: 150, intervalMs: 100 },
  );
}

describe("e-mail through the outbox and the sandbox's SMTP stand-in", () => {
  it("sends the welcome mail after a sign-up, in Japanese by default", async () => {
    const body = signupBody(UNREGISTERED.hanako);

    expect((await stack.newClient().signup(body)).status).toBe(201);

    const [mail] = await mailArrives(body.email);
    expect(mail).toMatchObject({
      to: [body.email],
      from: "no-reply@portal.localhost",
      subject: "【Aozora Net】カスタマーポータルへようこそ",
    });
    expect(mail?.text).toContain(`${body.lastName} ${body.firstName} 様`);
    expect(mail?.text).toContain(body.customerNumber);
    expect(mail?.html).toContain("カスタマーポータルへのご登録が完了しました");
    expect((await stack.app.get(UsersRepository).findByEmail(body.email))?.locale).toBe("ja");
  });

  it("writes in the customer's language: the NEXT_LOCALE cookie, else Accept-Language", async () => {
    const customerNumber = "300001";
    await newUnregisteredAccount(stack, customerNumber);
    const body = signupBody(UNREGISTERED.kenji, {
      customerNumber,
      email: "kenji.mail@example.jp",
    });
    const client = stack.newClient();

    const response = await client.signup(body, {
      headers: { "accept-language": "en-GB,en;q=0.9,ja;q=0.5" },
    });

    expect(response.status).toBe(201);
    const codeMail = (await stack.control.mail(body.email)).at(-1);
    expect(codeMail?.subject).toBe("[Aozora Net] Your e-mail verification code");
    const [mail] = await mailArrives(body.email);
    expect(mail?.subject).toBe("[Aozora Net] Welcome to the customer portal");
    expect(mail?.text).toContain(`Dear ${body.firstName} ${body.lastName},`);
    expect((await stack.app.get(UsersRepository).findByEmail(body.email))?.locale).toBe("en");

    // The portal's language cookie wins over the browser's languages.
    const other = signupBody(UNREGISTERED.kenji, {
      customerNumber: "300003",
      email: "kenji.cookie@example.jp",
    });
    await newUnregisteredAccount(stack, other.customerNumber);
    const cookieClient = stack.newClient();
    await cookieClient.http.setCookie("NEXT_LOCALE", "en");
    const viaCookie = await cookieClient.signup(other, {
      headers: { "accept-language": "ja-JP,ja;q=0.9" },
    });
    expect(viaCookie.status).toBe(201);
    expect((await mailArrives(other.email))[0]?.subject).toBe(
      "[Aozora Net] Welcome to the customer portal",
    );
  });

  it("does not fail the sign-up while SMTP refuses, and delivers once SMTP is back", async () => {
    const customerNumber = "300002";
    await newUnregisteredAccount(stack, customerNumber);
    const client = stack.newClient();
    // The code arrives before SMTP starts refusing.
    const body = await client.withSignupCode(
      signupBody(UNREGISTERED.kenji, { customerNumber, email: "kenji.later@example.jp" }),
    );
    await stack.control.mailRefusal("transient");
    try {
      expect((await client.signup(body)).status).toBe(201);
      // The first attempt was refused (451) and is waiting for its retry.
      await eventually(
        async () => (await stack.app.get<JobQueue<AppJobs>>(JobQueue).counts())["mail.send"],
        (counts) => counts.failed >= 1,
      );
      expect(await welcomeMails(body.email)).toEqual([]);
    } finally {
      await stack.control.mailRefusal("accept");
    }

    const messages = await mailArrives(body.email);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.subject).toBe("【Aozora Net】カスタマーポータルへようこそ");
  });

  it("delivers every message queued while another still waits (no accidental deduplication)", async () => {
    const mail = stack.app.get(MailService);
    const to = "two.in.a.row@example.jp";
    const occurredAt = new Date().toISOString();

    const first = await mail.send("security-alert", to, "en", {
      event: "password-changed",
      occurredAt,
    });
    const second = await mail.send("security-alert", to, "ja", {
      event: "password-reset",
      occurredAt,
    });

    expect(first).not.toBeNull();
    expect(second).not.toBeNull();
    const messages = await eventually(
      () => stack.control.mail(to),
      (arrived) => arrived.length >= 2,
      { attempts: 150, intervalMs: 100 },
    );
    expect(messages.map((message) => message.subject).sort()).toEqual([
      "[Aozora Net] A security setting of your account changed",
      "【Aozora Net】アカウントのセキュリティ設定が変更されました",
    ]);
  });
});
