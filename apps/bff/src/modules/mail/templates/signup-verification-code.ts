import { SIGNUP_CODE_VALID_MINUTES } from "@portal/domain";
import { z } from "zod";
import { composeMail } from "./mail-layout.js";
import { defineMailTemplate } from "./mail-template.js";

const TEXT = {
  ja: {
    subject: "【Aozora Net】メールアドレス確認コード",
    intro:
      "カスタマーポータルへのご登録ありがとうございます。下記の確認コードを登録画面に入力してください。",
    validity: `このコードの有効期限は${SIGNUP_CODE_VALID_MINUTES}分です。`,
    ignore: "お心当たりのない場合は、このメールを破棄してください。",
  },
  en: {
    subject: "[Aozora Net] Your e-mail verification code",
    intro: "Thank you for signing up to the customer portal. Enter this code on the sign-up page.",
    validity: `The code is valid for ${SIGNUP_CODE_VALID_MINUTES} minutes.`,
    ignore: "If you did not sign up, you can ignore this e-mail.",
  },
} as const;

/** Sign-up: proves the customer owns the address with a 6-digit code. */
export const signupVerificationCode = defineMailTemplate({
  schema: z.object({ code: z.string().regex(/^\d{6}$/) }),
  draft: (locale, { code }) => {
    const t = TEXT[locale];
    return composeMail(locale, t.subject, [
      { kind: "paragraph", text: t.intro },
      { kind: "code", code },
      { kind: "paragraph", text: t.validity },
      { kind: "paragraph", text: t.ignore },
    ]);
  },
});
