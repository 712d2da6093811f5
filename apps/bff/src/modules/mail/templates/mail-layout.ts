import { type MailLocale } from "../mail-locale.js";

/** The parts of a rendered message before MJML turns the body into HTML. */
export interface MailDraft {
  subject: string;
  /** MJML document (rendered to HTML by `renderMail`). */
  mjml: string;
  /** The plain-text part, written, not derived from the HTML. */
  text: string;
}

/** What every template gets besides its own data. */
export interface MailContext {
  /** The portal's public base URL (no trailing slash), for links. */
  publicUrl: string;
}

/** Escapes text for MJML/HTML content and quoted attributes. */
export function escapeMarkup(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const BRAND: Record<MailLocale, { name: string; footer: string }> = {
  ja: {
    name: "Aozora Net カスタマーポータル",
    footer: "このメールは送信専用です。ご返信いただいてもお答えできません。",
  },
  en: {
    name: "Aozora Net customer portal",
    footer: "This address does not receive replies.",
  },
};

/** One block of a message body: a paragraph, a prominent code, or a button link. */
export type MailBlock =
  | { kind: "paragraph"; text: string }
  | { kind: "code"; code: string }
  | { kind: "button"; label: string; href: string };

/**
 * Builds both parts of a message from the same blocks, so the HTML and the plain text always say
 * the same thing. The HTML uses system fonts only and no images: nothing is loaded from the
 * network when it is opened (decision 0027).
 */
export function composeMail(
  locale: MailLocale,
  subject: string,
  blocks: readonly MailBlock[],
): MailDraft {
  const brand = BRAND[locale];
  const mjmlBlocks = blocks.map((block) => {
    switch (block.kind) {
      case "paragraph":
        return `<mj-text>${escapeMarkup(block.text)}</mj-text>`;
      case "code":
        return `<mj-text align="center" font-size="28px" letter-spacing="6px" font-weight="bold">${escapeMarkup(block.code)}</mj-text>`;
      case "button":
        return `<mj-button href="${escapeMarkup(block.href)}" background-color="#1d4ed8">${escapeMarkup(block.label)}</mj-button>`;
    }
  });
  const mjml = `<mjml lang="${locale}">
  <mj-head>
    <mj-title>${escapeMarkup(subject)}</mj-title>
    <mj-attributes>
      <mj-all font-family="'Hiragino Sans', 'Hiragino Kaku Gothic ProN', Meiryo, 'Noto Sans JP', Arial, sans-serif" />
      <mj-text font-size="15px" line-height="1.7" color="#1f2937" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f3f4f6">
    <mj-section background-color="#ffffff" padding="24px">
      <mj-column>
        <mj-text font-size="13px" color="#6b7280">${escapeMarkup(brand.name)}</mj-text>
        ${mjmlBlocks.join("\n        ")}
        <mj-divider border-width="1px" border-color="#e5e7eb" />
        <mj-text font-size="12px" color="#6b7280">${escapeMarkup(brand.footer)}</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
  const textBlocks = blocks.map((block) => {
    switch (block.kind) {
      case "paragraph":
        return block.text;
      case "code":
        return `    ${block.code}`;
      case "button":
        return `${block.label}: ${block.href}`;
    }
  });
  const text = [
    brand.name,
    "",
    ...textBlocks.flatMap((line) => [line, ""]),
    "--",
    brand.footer,
  ].join("\n");
  return { subject, mjml, text: `${text}\n` };
}
