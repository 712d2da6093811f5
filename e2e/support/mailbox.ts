import { expect, type APIRequestContext } from "@playwright/test";
import { portalUrl, sandboxUrl } from "./stack.js";

/** A message as the sandbox's mailbox serves it (`GET /__control/mail?to=`, newest first). */
export interface SandboxMail {
  to: string[];
  subject: string;
  text: string;
  receivedAt: string;
}

/** Every message the sandbox's SMTP stand-in kept for `to`, newest first. */
export async function mailTo(request: APIRequestContext, to: string): Promise<SandboxMail[]> {
  const response = await request.get(`${sandboxUrl}/__control/mail`, { params: { to } });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { messages: SandboxMail[] };
  return body.messages;
}

/**
 * Waits for the `count`-th message to `to` whose text matches `pattern` (the outbox sends after
 * the answer) and returns the first capture group of the newest.
 */
export async function awaitMailMatch(
  request: APIRequestContext,
  to: string,
  pattern: RegExp,
  count = 1,
): Promise<string> {
  let found: string[] = [];
  await expect
    .poll(
      async () => {
        found = (await mailTo(request, to))
          .map((mail) => pattern.exec(mail.text)?.[1])
          .filter((match): match is string => match !== undefined);
        return found.length;
      },
      { timeout: 60_000 },
    )
    .toBeGreaterThanOrEqual(count);
  return found[0] ?? "";
}

/** The path and query of the newest password-reset link mailed to `to` (the `count`-th one). */
export function awaitResetLink(request: APIRequestContext, to: string, count = 1): Promise<string> {
  return awaitMailMatch(
    request,
    to,
    /https?:\/\/[^/\s]+(\/auth\/reset-password\?token=[\w-]+)/,
    count,
  );
}

/** The newest 6-digit e-mail change code mailed to `to` (the `count`-th one). */
export function awaitEmailChangeCode(
  request: APIRequestContext,
  to: string,
  count = 1,
): Promise<string> {
  return awaitMailMatch(request, to, /\b(\d{6})\b/, count);
}

/**
 * A signed-out API client on the portal, as the browser would be: it fetches the CSRF cookie and
 * echoes it on every mutation. For putting shared demo data back after a journey changed it.
 */
export async function portalApi(request: APIRequestContext) {
  const csrf = await request.get(`${portalUrl}/api/auth/csrf`);
  expect(csrf.status()).toBe(200);
  const post = async (path: string, data: unknown, headers: Record<string, string> = {}) => {
    const { csrfToken } = (await (await request.get(`${portalUrl}/api/auth/csrf`)).json()) as {
      csrfToken: string;
    };
    return request.post(`${portalUrl}${path}`, {
      data,
      headers: { "x-csrf-token": csrfToken, ...headers },
    });
  };
  return { post };
}

/** Subjects of the sign-up code mail in both languages (BFF template `signup-verification-code`). */
const CODE_MAIL_SUBJECT = /確認コード|verification code/;

/** The sign-up code mails the sandbox's mailbox holds for `email`, newest first. */
async function codeMails(request: APIRequestContext, email: string): Promise<SandboxMail[]> {
  return (await mailTo(request, email)).filter((mail) => CODE_MAIL_SUBJECT.test(mail.subject));
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
