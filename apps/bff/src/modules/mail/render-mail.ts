import { type MailLocale } from "./mail-locale.js";
import { type MailContext } from "./templates/mail-layout.js";
import {
  MAIL_TEMPLATES,
  type MailData,
  type MailTemplateName,
} from "./templates/mail-templates.js";

/** A message ready to send: subject, HTML part and plain-text part. */
export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

/**
 * Renders template `name` in `locale` with `data`: MJML (strict validation) → HTML, and the
 * template's own plain text.
 * @throws ZodError when `data` does not fit the template; Error listing MJML's complaints.
 */
export async function renderMail<N extends MailTemplateName>(
  name: N,
  locale: MailLocale,
  data: MailData<N>,
  context: MailContext,
): Promise<RenderedMail> {
  const template = MAIL_TEMPLATES[name];
  const draft = template.draft(locale, template.schema.parse(data) as never, context);
  // Loaded on the first mail, not at start: MJML is the largest module of the BFF (~50 MiB of
  // resident memory; decision 0047). `fonts: {}`: MJML would otherwise link web fonts from Google
  // for some font names.
  const { default: mjml2html } = await import("mjml");
  const { html, errors } = await mjml2html(draft.mjml, { validationLevel: "strict", fonts: {} });
  if (errors.length > 0) {
    throw new Error(
      `Mail template ${name}: ${errors.map((error) => error.formattedMessage).join("; ")}`,
    );
  }
  return { subject: draft.subject, html, text: draft.text };
}
