import { z } from "zod";
import { composeMail } from "./mail-layout.js";
import { defineMailTemplate } from "./mail-template.js";

/** The account changes a security alert reports. */
export const SECURITY_EVENTS = [
  "two-factor-enabled",
  "two-factor-disabled",
  "password-changed",
  "password-reset",
] as const;

const TEXT = {
  ja: {
    subject: "【Aozora Net】アカウントのセキュリティ設定が変更されました",
    events: {
      "two-factor-enabled": "二段階認証が有効になりました。",
      "two-factor-disabled": "二段階認証が無効になりました。",
      "password-changed": "パスワードが変更されました。",
      "password-reset": "パスワードが再設定され、すべての端末でログアウトしました。",
    },
    when: (at: string) => `日時: ${at}(日本時間)`,
    warning: "お心当たりのない場合は、至急パスワードを再設定し、サポート窓口までご連絡ください。",
    button: "セキュリティ設定を確認する",
  },
  en: {
    subject: "[Aozora Net] A security setting of your account changed",
    events: {
      "two-factor-enabled": "Two-step verification was turned on.",
      "two-factor-disabled": "Two-step verification was turned off.",
      "password-changed": "Your password was changed.",
      "password-reset": "Your password was reset and every device was signed out.",
    },
    when: (at: string) => `When: ${at} (Japan time)`,
    warning: "If this was not you, reset your password at once and contact support.",
    button: "Review security settings",
  },
} as const;

/** The time of `iso` in Japan, as each language writes it. */
function japanTime(iso: string, locale: "ja" | "en"): string {
  return new Intl.DateTimeFormat(locale === "ja" ? "ja-JP" : "en-GB", {
    timeZone: "Asia/Tokyo",
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(iso));
}

/** 2FA turned on or off, password changed or reset: tells the customer, with a link to review. */
export const securityAlert = defineMailTemplate({
  schema: z.object({ event: z.enum(SECURITY_EVENTS), occurredAt: z.iso.datetime() }),
  draft: (locale, { event, occurredAt }, { publicUrl }) => {
    const t = TEXT[locale];
    return composeMail(locale, t.subject, [
      { kind: "paragraph", text: t.events[event] },
      { kind: "paragraph", text: t.when(japanTime(occurredAt, locale)) },
      { kind: "paragraph", text: t.warning },
      { kind: "button", label: t.button, href: `${publicUrl}/account/security` },
    ]);
  },
});
