import {
  billingCycleSchema,
  catalogCategorySchema,
  localizedTextSchema,
  orderTotalsSchema,
} from "@portal/domain";
import { z } from "zod";
import { type MailLocale } from "../mail-locale.js";
import { composeMail } from "./mail-layout.js";
import { defineMailTemplate } from "./mail-template.js";

/** Integer yen as each language writes a price: `5,030円` / `¥5,030`. */
function yen(locale: MailLocale, amount: number): string {
  const digits = amount.toLocaleString("en-US");
  return locale === "ja" ? `${digits}円` : `¥${digits}`;
}

const TEXT = {
  ja: {
    subject: (number: string) => `【Aozora Net】ご注文を承りました(注文番号 ${number})`,
    greeting: (lastName: string, firstName: string) => `${lastName} ${firstName} 様`,
    received: (number: string) =>
      `ご注文ありがとうございます。以下の内容でご注文(注文番号 ${number})を承りました。`,
    category: { internet: "光インターネット", sim: "SIM", vpn: "VPN ルーター" },
    line: (name: string, price: string, monthly: boolean) =>
      `・${name}: ${price}(税抜${monthly ? "・月額" : "・初回のみ"})`,
    oneTime: (total: string, tax: string) => `初回のお支払い: ${total}(うち消費税 ${tax})`,
    monthly: (total: string, tax: string) => `月額料金: ${total}(うち消費税 ${tax})`,
    next: {
      internet:
        "次のステップ: 担当者がご注文内容を確認し、工事日を回線事業者と調整のうえご連絡します。ご注文の状況はポータルでいつでもご確認いただけます。",
      sim: "次のステップ: 担当者がご注文内容を確認したのち、SIM の開通手続きを行います。ご注文の状況はポータルでいつでもご確認いただけます。",
      vpn: "次のステップ: 担当者がご注文内容を確認したのち、ルーターを発送します。ご注文の状況はポータルでいつでもご確認いただけます。",
    },
    button: "ご注文を確認する",
  },
  en: {
    subject: (number: string) => `[Aozora Net] We have received your order (No. ${number})`,
    greeting: (lastName: string, firstName: string) => `Dear ${firstName} ${lastName},`,
    received: (number: string) =>
      `Thank you for your order. We have received order No. ${number} as follows.`,
    category: { internet: "Fibre internet", sim: "SIM", vpn: "VPN router" },
    line: (name: string, price: string, monthly: boolean) =>
      `• ${name}: ${price} (excl. tax, ${monthly ? "monthly" : "one-time"})`,
    oneTime: (total: string, tax: string) => `Due once: ${total} (incl. ${tax} consumption tax)`,
    monthly: (total: string, tax: string) => `Every month: ${total} (incl. ${tax} consumption tax)`,
    next: {
      internet:
        "What happens next: our staff review your order and arrange the installation date with the line provider, then contact you. You can follow your order in the portal at any time.",
      sim: "What happens next: our staff review your order, then activate your SIM. You can follow your order in the portal at any time.",
      vpn: "What happens next: our staff review your order, then ship your router. You can follow your order in the portal at any time.",
    },
    button: "View your order",
  },
} as const;

/**
 * After checkout placed an order (decision 0058): its number, lines (tax excluded, with their
 * cycle), the one-time and monthly totals with tax, what happens next, and a link to
 * `/orders/<id>`. Amounts are integer yen; each line names its product in the mail's language
 * (decision 0064).
 */
export const orderConfirmation = defineMailTemplate({
  schema: z.object({
    firstName: z.string(),
    lastName: z.string(),
    orderId: z.string().min(1),
    orderNumber: z.string().min(1),
    category: catalogCategorySchema,
    lines: z.array(
      z.object({
        name: localizedTextSchema,
        amount: z.number().int(),
        billingCycle: billingCycleSchema,
      }),
    ),
    totals: orderTotalsSchema,
  }),
  draft: (locale, data, { publicUrl }) => {
    const t = TEXT[locale];
    const price = (amount: number) => yen(locale, amount);
    const { oneTime, monthly } = data.totals;
    return composeMail(locale, t.subject(data.orderNumber), [
      { kind: "paragraph", text: t.greeting(data.lastName, data.firstName) },
      { kind: "paragraph", text: t.received(data.orderNumber) },
      { kind: "paragraph", text: t.category[data.category] },
      ...data.lines.map((line) => ({
        kind: "paragraph" as const,
        text: t.line(line.name[locale], price(line.amount), line.billingCycle === "monthly"),
      })),
      {
        kind: "paragraph",
        text: t.oneTime(price(oneTime.taxIncluded.amount), price(oneTime.tax.amount)),
      },
      {
        kind: "paragraph",
        text: t.monthly(price(monthly.taxIncluded.amount), price(monthly.tax.amount)),
      },
      { kind: "paragraph", text: t.next[data.category] },
      {
        kind: "button",
        label: t.button,
        href: `${publicUrl}/orders/${encodeURIComponent(data.orderId)}`,
      },
    ]);
  },
});
