import { z } from "zod";
import { composeMail } from "./mail-layout.js";
import { defineMailTemplate } from "./mail-template.js";

/** Minutes a password-reset link stays valid (the issue: "valid 30 minutes"). */
export const PASSWORD_RESET_VALID_MINUTES = 30;

const TEXT = {
  ja: {
    subject: "【Aozora Net】パスワード再設定のご案内",
    intro:
      "パスワード再設定のリクエストを受け付けました。下のボタンから新しいパスワードを設定してください。",
    button: "パスワードを再設定する",
    validity: `このリンクの有効期限は${PASSWORD_RESET_VALID_MINUTES}分です。`,
    ignore: "お心当たりのない場合は、このメールを破棄してください。パスワードは変更されません。",
  },
  en: {
    subject: "[Aozora Net] Reset your password",
    intro:
      "We received a request to reset your password. Use the button below to choose a new one.",
    button: "Reset password",
    validity: `The link is valid for ${PASSWORD_RESET_VALID_MINUTES} minutes.`,
    ignore: "If you did not ask for this, ignore this e-mail; your password stays the same.",
  },
} as const;

/** Forgotten password: a link to `/auth/reset-password?token=…` on the portal. */
export const passwordReset = defineMailTemplate({
  schema: z.object({ token: z.string().min(16).max(512) }),
  draft: (locale, { token }, { publicUrl }) => {
    const t = TEXT[locale];
    const href = `${publicUrl}/auth/reset-password?token=${encodeURIComponent(token)}`;
    return composeMail(locale, t.subject, [
      { kind: "paragraph", text: t.intro },
      { kind: "button", label: t.button, href },
      { kind: "paragraph", text: t.validity },
      { kind: "paragraph", text: t.ignore },
    ]);
  },
});
