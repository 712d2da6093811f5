import { AUTH_COOKIES, CSRF_HEADER, type SignupRequestInput } from "@portal/domain";
import { eventually } from "./eventually.js";
import { HttpSession, type RequestOptions, type TestResponse } from "./http-session.js";
import { type SandboxMail } from "./sandbox-control.js";

const MUTATIONS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Per-request options of {@link PortalClient}: `csrf: false` leaves the CSRF header out. */
export interface PortalRequestOptions extends RequestOptions {
  csrf?: boolean;
}

/** The mailbox a {@link PortalClient} reads sign-up codes from (the sandbox's SMTP stand-in). */
export type Mailbox = (to: string) => Promise<SandboxMail[]>;

/** Subjects of the sign-up code mail in both languages (mail template `signup-verification-code`). */
const CODE_MAIL_SUBJECT = /確認コード|verification code/;

/** The 6-digit code in a sign-up code mail's plain text. */
export function signupCodeIn(mail: SandboxMail): string {
  const code = /\b(\d{6})\b/.exec(mail.text)?.[1];
  if (!code) throw new Error(`No 6-digit code in the mail "${mail.subject}"`);
  return code;
}

/**
 * A signed-out browser tab on the portal: keeps the BFF's cookies and, like the portal's API
 * client, fetches `GET /api/auth/csrf` when it has no `portal_csrf` cookie and echoes the token in
 * `X-CSRF-Token` on every mutation (docs/api.md "Sessions, cookies and CSRF"). With a `mailbox`
 * it reads sign-up codes as the customer would.
 */
export class PortalClient {
  readonly http: HttpSession;

  constructor(
    bffUrl: string,
    private readonly mailbox?: Mailbox,
  ) {
    this.http = new HttpSession(bffUrl);
  }

  /** Any request; mutations carry the CSRF header unless `csrf: false`. */
  async request(
    method: string,
    path: string,
    options: PortalRequestOptions = {},
  ): Promise<TestResponse> {
    const { csrf = true, ...rest } = options;
    if (!MUTATIONS.has(method.toUpperCase()) || !csrf) {
      return this.http.request(method, path, rest);
    }
    const token = await this.csrfToken();
    return this.http.request(method, path, {
      ...rest,
      headers: { [CSRF_HEADER]: token, ...rest.headers },
    });
  }

  get(path: string, options?: PortalRequestOptions): Promise<TestResponse> {
    return this.request("GET", path, options);
  }

  post(path: string, body?: unknown, options?: PortalRequestOptions): Promise<TestResponse> {
    return this.request("POST", path, { ...options, body });
  }

  /**
   * `POST /api/auth/signup` with `body`; a body without `code` first gets a fresh one mailed to
   * its email ({@link withSignupCode}).
   */
  async signup(
    body: Partial<SignupRequestInput> | Record<string, unknown>,
    options?: PortalRequestOptions,
  ): Promise<TestResponse> {
    const complete = "code" in body ? body : await this.withSignupCode(body, options);
    return this.post("/api/auth/signup", complete, options);
  }

  /** `POST /api/auth/signup/start` for `email`. */
  signupStart(email: string, options?: PortalRequestOptions): Promise<TestResponse> {
    return this.post("/api/auth/signup/start", { email }, options);
  }

  /**
   * `body` with the code of a new sign-up code mail to its `email`, as the customer reads it;
   * `options` (headers, e.g. the language) go with the request for the code.
   */
  async withSignupCode<B extends { email?: unknown }>(
    body: B,
    options?: PortalRequestOptions,
  ): Promise<B & { code: string }> {
    return { ...body, code: await this.signupCode(String(body.email), options) };
  }

  /** Asks for a code for `email` (202 expected) and reads it from the mail that arrives. */
  async signupCode(email: string, options?: PortalRequestOptions): Promise<string> {
    const mailbox = this.mailbox;
    if (!mailbox) throw new Error("This PortalClient has no mailbox to read sign-up codes from");
    const codeMails = async () =>
      (await mailbox(email)).filter((mail) => CODE_MAIL_SUBJECT.test(mail.subject));
    const before = (await codeMails()).length;
    const started = await this.signupStart(email, options);
    if (started.status !== 202) {
      throw new Error(`POST /api/auth/signup/start answered ${started.status}: ${started.text}`);
    }
    // The outbox polls every 2 s; a busy machine may take far longer.
    const mails = await eventually(codeMails, (found) => found.length > before, {
      attempts: 300,
      intervalMs: 200,
    });
    return signupCodeIn(mails[0]!);
  }

  login(email: string, password: string): Promise<TestResponse> {
    return this.post("/api/auth/login", { email, password });
  }

  refresh(): Promise<TestResponse> {
    return this.post("/api/auth/refresh");
  }

  logout(): Promise<TestResponse> {
    return this.post("/api/auth/logout");
  }

  /** The current `portal_csrf` cookie, fetched from `GET /api/auth/csrf` when absent. */
  async csrfToken(): Promise<string> {
    const existing = await this.http.cookie(AUTH_COOKIES.csrf);
    if (existing) {
      return existing;
    }
    const response = await this.http.request("GET", "/api/auth/csrf");
    const token = await this.http.cookie(AUTH_COOKIES.csrf);
    if (response.status !== 200 || !token) {
      throw new Error(
        `GET /api/auth/csrf answered ${response.status} without a ${AUTH_COOKIES.csrf} cookie`,
      );
    }
    return token;
  }

  /** The refresh token cookie as the browser would send it to `/api/auth/refresh`. */
  refreshToken(): Promise<string | undefined> {
    return this.http.cookie(AUTH_COOKIES.refresh, "/api/auth/refresh");
  }
}
