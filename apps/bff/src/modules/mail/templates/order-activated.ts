import { z } from "zod";
import { composeMail } from "./mail-layout.js";
import { defineMailTemplate } from "./mail-template.js";

const TEXT = {
  ja: {
    subject: (number: string) =>
      `【Aozora Net】ご注文のサービスがご利用いただけます(注文番号 ${number})`,
    greeting: (lastName: string, firstName: string) => `${lastName} ${firstName} 様`,
    body: (number: string) =>
      `ご注文(注文番号 ${number})の開通手続きが完了し、サービスがご利用いただける状態になりました。ご契約内容はポータルでご確認いただけます。`,
    button: "ご注文を確認する",
  },
  en: {
    subject: (number: string) => `[Aozora Net] Your order is active (No. ${number})`,
    greeting: (lastName: string, firstName: string) => `Dear ${firstName} ${lastName},`,
    body: (number: string) =>
      `Order No. ${number} has been activated: your service is ready to use. You can see it in the portal at any time.`,
    button: "View your order",
  },
} as const;

/** After fulfilment activated an order (DESIGN.md §6): a link to `/orders/<id>`. */
export const orderActivated = defineMailTemplate({
  schema: z.object({
    firstName: z.string(),
    lastName: z.string(),
    orderId: z.string().min(1),
    orderNumber: z.string().min(1),
  }),
  draft: (locale, data, { publicUrl }) => {
    const t = TEXT[locale];
    return composeMail(locale, t.subject(data.orderNumber), [
      { kind: "paragraph", text: t.greeting(data.lastName, data.firstName) },
      { kind: "paragraph", text: t.body(data.orderNumber) },
      {
        kind: "button",
        label: t.button,
        href: `${publicUrl}/orders/${encodeURIComponent(data.orderId)}`,
      },
    ]);
  },
});
