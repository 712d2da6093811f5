import { describe, expect, it } from "vitest";
import { MAIL_LOCALES } from "../mail-locale.js";
import { renderMail } from "../render-mail.js";
import { MAIL_TEMPLATES, type MailData, type MailTemplateName } from "./mail-templates.js";

const context = { publicUrl: "https://portal.example.jp" };

/** Sample data for every template. */
const SAMPLES: { [N in MailTemplateName]: MailData<N> } = {
  "signup-verification-code": { code: "042917" },
  "password-reset": { token: "tok_abcdefghijklmnop+/=" },
  "email-change-verification": { code: "318204" },
  "email-changed-notice": { newEmail: "new.address@example.jp" },
  welcome: { firstName: "花子", lastName: "山田", customerNumber: "100042" },
  "security-alert": { event: "two-factor-enabled", occurredAt: "2026-04-01T03:00:00Z" },
  "order-confirmation": {
    firstName: "花子",
    lastName: "山田",
    orderId: "801DEMO00000001AAA",
    orderNumber: "00001001",
    category: "sim",
    lines: [
      { name: { ja: "音声SIM 5GB", en: "Voice 5GB" }, amount: 1480, billingCycle: "monthly" },
      { name: { ja: "SIM初期費用", en: "SIM activation" }, amount: 3300, billingCycle: "one_time" },
    ],
    totals: {
      oneTime: {
        taxExcluded: { amount: 3300, currency: "JPY" },
        tax: { amount: 330, currency: "JPY" },
        taxIncluded: { amount: 3630, currency: "JPY" },
      },
      monthly: {
        taxExcluded: { amount: 1480, currency: "JPY" },
        tax: { amount: 148, currency: "JPY" },
        taxIncluded: { amount: 1628, currency: "JPY" },
      },
    },
  },
  "order-activated": {
    firstName: "花子",
    lastName: "山田",
    orderId: "801DEMO00000001AAA",
    orderNumber: "00001001",
  },
  "order-activation-failed": {
    firstName: "花子",
    lastName: "山田",
    orderId: "801DEMO00000001AAA",
    orderNumber: "00001001",
    errorCode: "NO_PAYMENT_METHOD",
  },
};

/** What each template must carry in both parts. */
const ESSENTIALS: Record<MailTemplateName, string[]> = {
  "signup-verification-code": ["042917"],
  "password-reset": [
    "https://portal.example.jp/auth/reset-password?token=tok_abcdefghijklmnop%2B%2F%3D",
  ],
  "email-change-verification": ["318204"],
  "email-changed-notice": ["new.address@example.jp"],
  welcome: ["100042", "https://portal.example.jp/"],
  "security-alert": ["https://portal.example.jp/account/security"],
  "order-confirmation": [
    "00001001",
    "3,630",
    "1,628",
    "https://portal.example.jp/orders/801DEMO00000001AAA",
  ],
  "order-activated": ["00001001", "https://portal.example.jp/orders/801DEMO00000001AAA"],
  "order-activation-failed": ["00001001", "https://portal.example.jp/orders/801DEMO00000001AAA"],
};

const names = Object.keys(MAIL_TEMPLATES) as MailTemplateName[];

describe.each(names)("mail template %s", (name) => {
  it.each(MAIL_LOCALES)("renders an HTML and a plain-text part in %s", async (locale) => {
    const mail = await renderMail(name, locale, SAMPLES[name] as never, context);

    expect(mail.subject.length).toBeGreaterThan(0);
    expect(mail.html).toMatch(new RegExp(`^<!doctype html>[\\s\\S]*<html lang="${locale}"`, "i"));
    for (const essential of ESSENTIALS[name]) {
      expect(mail.text).toContain(essential);
      expect(mail.html).toContain(essential);
    }
    expect(mail.text).not.toMatch(/<[a-z]/i);
    // Japanese is written in Japanese, English in ASCII apart from customer data.
    if (locale === "ja") {
      expect(mail.subject).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    } else {
      expect(mail.subject).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it("loads nothing from the network when opened (no images, fonts, stylesheets)", async () => {
    for (const locale of MAIL_LOCALES) {
      const { html } = await renderMail(name, locale, SAMPLES[name] as never, context);
      expect(html).not.toMatch(/<img|<link|@import|url\(|@font-face/i);
      const urls = [...html.matchAll(/(?:https?:)?\/\/[^\s"'<>)]+/g)].map(([url]) => url);
      for (const url of urls) {
        // The only URLs: links to the portal, and XML namespaces (never fetched).
        expect(
          url.startsWith(context.publicUrl) ||
            /^(?:https?:)?\/\/www\.w3\.org\//.test(url) ||
            /^(?:https?:)?\/\/schemas\.microsoft\.com\//.test(url),
          url,
        ).toBe(true);
      }
    }
  });
});

describe("renderMail", () => {
  it("escapes customer data in the HTML part", async () => {
    const mail = await renderMail(
      "welcome",
      "ja",
      { firstName: "<b>花子</b>", lastName: "山田 & Co", customerNumber: "100042" },
      context,
    );
    expect(mail.html).toContain("&lt;b&gt;花子&lt;/b&gt;");
    expect(mail.html).not.toContain("<b>花子</b>");
    expect(mail.text).toContain("山田 & Co <b>花子</b> 様");
  });

  it("names the order lines in the mail's language (decision 0064)", async () => {
    const sample = SAMPLES["order-confirmation"];
    const ja = await renderMail("order-confirmation", "ja", sample, context);
    const en = await renderMail("order-confirmation", "en", sample, context);
    expect(ja.text).toContain("・音声SIM 5GB:");
    expect(ja.text).not.toContain("Voice 5GB");
    expect(en.text).toContain("• Voice 5GB:");
    expect(en.text).not.toContain("音声SIM");
  });

  it("refuses data that does not fit the template", async () => {
    await expect(
      renderMail("signup-verification-code", "ja", { code: "12345" }, context),
    ).rejects.toThrow(/code/);
  });
});
