import { z } from "zod";
import { composeMail } from "./mail-layout.js";
import { defineMailTemplate } from "./mail-template.js";

/** Minutes an e-mail change code stays valid. */
export const EMAIL_CHANGE_CODE_VALID_MINUTES = 10;

const TEXT = {
  ja: {
    subject: "【Aozora Net】新しいメールアドレスの確認コード",
    intro:
      "メールアドレス変更のお手続きを受け付けました。下記の確認コードを変更画面に入力してください。",
    validity: `このコードの有効期限は${EMAIL_CHANGE_CODE_VALID_MINUTES}分です。`,
    ignore: "お心当たりのない場合は、このメールを破棄してください。",
  },
  en: {
    subject: "[Aozora Net] Confirm your new e-mail address",
    intro: "You asked to change your e-mail address. Enter this code on the change page.",
    validity: `The code is valid for ${EMAIL_CHANGE_CODE_VALID_MINUTES} minutes.`,
    ignore: "If you did not ask for this, you can ignore this e-mail.",
  },
} as const;

/** E-mail change: a 6-digit code sent to the new address. */
export const emailChangeVerification = defineMailTemplate({
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
