/** A valid 32-character secret for configuration fixtures. */
export const TEST_SECRET = "k3J9xQ2mV7pL4sT8wZ1bN6cR0yH5fD3g";

/**
 * The BFF variables without defaults, as the launcher passes them in embedded mode (the base URL
 * keeps a trailing slash the config must strip). Values only need to be well formed: unit tests
 * parse them, nothing connects to them.
 */
export const MINIMAL_ENV = {
  JWT_ACCESS_SECRET: TEST_SECRET,
  WHMCS_BASE_URL: "http://127.0.0.1:4010/whmcs/",
  WHMCS_API_IDENTIFIER: "identifier",
  WHMCS_API_SECRET: "api-secret-value",
  WHMCS_WEBHOOK_SECRET: `${TEST_SECRET}webhook`,
  SF_LOGIN_URL: "http://127.0.0.1:4010/salesforce",
  SF_CLIENT_ID: "client-id",
  SF_USERNAME: "integration@example.jp",
  SF_PRIVATE_KEY_PATH: "/keys/sf.key",
} as const;
