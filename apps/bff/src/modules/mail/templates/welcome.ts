import { z } from "zod";
import { composeMail } from "./mail-layout.js";
import { defineMailTemplate } from "./mail-template.js";

const TEXT = {
  ja: {
    subject: "【Aozora Net】カスタマーポータルへようこそ",
    greeting: (lastName: string, firstName: string) => `${lastName} ${firstName} 様`,
    body: (customerNumber: string) =>
      `カスタマーポータルへのご登録が完了しました(お客さま番号: ${customerNumber})。ご請求の確認やお支払い、ご契約内容の確認がいつでもご利用いただけます。`,
    button: "ポータルを開く",
  },
  en: {
    subject: "[Aozora Net] Welcome to the customer portal",
    greeting: (lastName: string, firstName: string) => `Dear ${firstName} ${lastName},`,
    body: (customerNumber: string) =>
      `Your customer portal account is ready (customer number ${customerNumber}). You can see and pay your invoices and check your services at any time.`,
    button: "Open the portal",
  },
} as const;

/** After a successful sign-up. */
export const welcome = defineMailTemplate({
  schema: z.object({
    firstName: z.string().min(1),
    lastName: z.string().min(1),
    customerNumber: z.string().min(1),
  }),
  draft: (locale, { firstName, lastName, customerNumber }, { publicUrl }) => {
    const t = TEXT[locale];
    return composeMail(locale, t.subject, [
      { kind: "paragraph", text: t.greeting(lastName, firstName) },
      { kind: "paragraph", text: t.body(customerNumber) },
      { kind: "button", label: t.button, href: `${publicUrl}/` },
    ]);
  },
});
