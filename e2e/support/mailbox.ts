import { expect, type APIRequestContext } from "@playwright/test";
import { sandboxUrl } from "./stack.js";

/** A message as the sandbox's `GET /__control/mail?to=` lists it (newest first). */
interface SandboxMail {
  subject: string;
  text: string;
  receivedAt: string;
}

/** Subjects of the sign-up code mail in both languages (BFF template `signup-verification-code`). */
const CODE_MAIL_SUBJECT = /確認コード|verification code/;

/** The sign-up code mails the sandbox's mailbox holds for `email`, newest first. */
async function codeMails(request: APIRequestContext, email: string): Promise<SandboxMail[]> {
  const response = await request.get(`${sandboxUrl}/__control/mail`, { params: { to: email } });
  expect(response.status()).toBe(200);
  const { messages } = (await response.json()) as { messages: SandboxMail[] };
  return messages.filter((mail) => CODE_MAIL_SUBJECT.test(mail.subject));
}

/**
 * Reads the 6-digit code of the newest sign-up code mail to `email` that arrived after `count`
 * such mails were there, as the customer would open their mailbox: the sandbox's SMTP stand-in
 * keeps every message (README "Mailbox"). Waits for the outbox to deliver it.
 */
export async function signupCodeFromMailbox(
  request: APIRequestContext,
  email: string,
  count: number,
): Promise<string> {
  let code = "";
  await expect
    .poll(
      async () => {
        const mails = await codeMails(request, email);
        code = mails.length > count ? (/\b(\d{6})\b/.exec(mails[0]?.text ?? "")?.[1] ?? "") : "";
        return code;
      },
      { timeout: 30_000 },
    )
    .toMatch(/^\d{6}$/);
  return code;
}

/** How many sign-up code mails `email` has received so far. */
export async function signupCodeMailCount(
  request: APIRequestContext,
  email: string,
): Promise<number> {
  return (await codeMails(request, email)).length;
}
