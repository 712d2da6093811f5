import { z } from "zod";
import { composeMail } from "./mail-layout.js";
import { defineMailTemplate } from "./mail-template.js";

const TEXT = {
  ja: {
    subject: "【Aozora Net】メールアドレスが変更されました",
    body: (newEmail: string) =>
      `ご登録のメールアドレスが ${newEmail} に変更されました。今後のお知らせは新しいアドレスにお送りします。`,
    warning: "お心当たりのない場合は、至急サポート窓口までご連絡ください。",
  },
  en: {
    subject: "[Aozora Net] Your e-mail address was changed",
    body: (newEmail: string) =>
      `The e-mail address of your account is now ${newEmail}. We will write to the new address from now on.`,
    warning: "If you did not make this change, contact support at once.",
  },
} as const;

/** E-mail change: tells the old address where the account's mail goes now. */
export const emailChangedNotice = defineMailTemplate({
  schema: z.object({ newEmail: z.email() }),
  draft: (locale, { newEmail }) => {
    const t = TEXT[locale];
    return composeMail(locale, t.subject, [
      { kind: "paragraph", text: t.body(newEmail) },
      { kind: "paragraph", text: t.warning },
    ]);
  },
});
