import { z } from "zod";
import { composeMail } from "./mail-layout.js";
import { defineMailTemplate } from "./mail-template.js";

const TEXT = {
  ja: {
    subject: (number: string) =>
      `【Aozora Net】ご注文の開通手続きを完了できませんでした(注文番号 ${number})`,
    greeting: (lastName: string, firstName: string) => `${lastName} ${firstName} 様`,
    body: (number: string) =>
      `ご注文(注文番号 ${number})の開通手続き中に問題が発生し、手続きを完了できませんでした。担当者が確認のうえご連絡いたします。`,
    paymentMethod:
      "お支払い方法が登録されていません。ポータルの「お支払い方法」からご登録いただくと、手続きを再開いたします。",
    button: "ご注文を確認する",
  },
  en: {
    subject: (number: string) => `[Aozora Net] We could not activate your order (No. ${number})`,
    greeting: (lastName: string, firstName: string) => `Dear ${firstName} ${lastName},`,
    body: (number: string) =>
      `Something went wrong while activating order No. ${number}, and it could not be completed. Our staff will look into it and contact you.`,
    paymentMethod:
      "We have no payment method for you. Add one on the portal's Payment methods page and we will resume the activation.",
    button: "View your order",
  },
} as const;

/**
 * After fulfilment failed for good (DESIGN.md §6): that staff will follow up, what the customer
 * can do when the cause is theirs (no payment method), a link to `/orders/<id>`. The error code
 * itself is for staff (Activation_Error_Code__c), not shown.
 */
export const orderActivationFailed = defineMailTemplate({
  schema: z.object({
    firstName: z.string(),
    lastName: z.string(),
    orderId: z.string().min(1),
    orderNumber: z.string().min(1),
    errorCode: z.string().min(1),
  }),
  draft: (locale, data, { publicUrl }) => {
    const t = TEXT[locale];
    return composeMail(locale, t.subject(data.orderNumber), [
      { kind: "paragraph", text: t.greeting(data.lastName, data.firstName) },
      { kind: "paragraph", text: t.body(data.orderNumber) },
      ...(data.errorCode === "NO_PAYMENT_METHOD"
        ? [{ kind: "paragraph" as const, text: t.paymentMethod }]
        : []),
      {
        kind: "button",
        label: t.button,
        href: `${publicUrl}/orders/${encodeURIComponent(data.orderId)}`,
      },
    ]);
  },
});
