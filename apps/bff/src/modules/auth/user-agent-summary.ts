import Bowser from "bowser";

/** Browser, operating system and device class of a user agent, for the session list. */
export interface UserAgentSummary {
  /** e.g. "Chrome 131.0"; null when unknown. */
  browser: string | null;
  /** e.g. "iOS 18.1", "Windows 10"; null when unknown. */
  os: string | null;
  device: "desktop" | "mobile" | "tablet" | "other";
}

function named(name: string | undefined, version: string | undefined): string | null {
  if (!name) {
    return null;
  }
  const major = version?.split(".").slice(0, 2).join(".");
  return major ? `${name} ${major}` : name;
}

/** Parses `userAgent` with bowser (MIT); null or unparseable gives nulls and "other". */
export function summariseUserAgent(userAgent: string | null): UserAgentSummary {
  if (!userAgent) {
    return { browser: null, os: null, device: "other" };
  }
  const parsed = Bowser.parse(userAgent);
  const type = parsed.platform.type;
  return {
    browser: named(parsed.browser.name, parsed.browser.version),
    // Windows reports its kernel version (NT 10.0); bowser's version name is the one people know.
    os: named(parsed.os.name, parsed.os.versionName ?? parsed.os.version),
    device: type === "desktop" || type === "mobile" || type === "tablet" ? type : "other",
  };
}

/** "Browser on OS" (or whichever is known), for the activity list; null when neither is. */
export function userAgentLabel(userAgent: string | null): string | null {
  const { browser, os } = summariseUserAgent(userAgent);
  if (browser && os) {
    return `${browser} / ${os}`;
  }
  return browser ?? os;
}
