import { AUTH_COOKIES, CSRF_HEADER, type SignupRequestInput } from "@portal/domain";
import { HttpSession, type RequestOptions, type TestResponse } from "./http-session.js";

const MUTATIONS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Per-request options of {@link PortalClient}: `csrf: false` leaves the CSRF header out. */
export interface PortalRequestOptions extends RequestOptions {
  csrf?: boolean;
}

/**
 * A signed-out browser tab on the portal: keeps the BFF's cookies and, like the portal's API
 * client, fetches `GET /api/auth/csrf` when it has no `portal_csrf` cookie and echoes the token in
 * `X-CSRF-Token` on every mutation (docs/api.md "Sessions, cookies and CSRF").
 */
export class PortalClient {
  readonly http: HttpSession;

  constructor(bffUrl: string) {
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

  signup(body: SignupRequestInput | Record<string, unknown>): Promise<TestResponse> {
    return this.post("/api/auth/signup", body);
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
