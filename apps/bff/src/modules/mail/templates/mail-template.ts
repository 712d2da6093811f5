import { type z } from "zod";
import { type MailLocale } from "../mail-locale.js";
import { type MailContext, type MailDraft } from "./mail-layout.js";

/**
 * One kind of message: the data it needs (validated when it is sent) and how it reads in each
 * language. Each template lives in its own file with its ja/en dictionary (Japanese first).
 */
export interface MailTemplate<S extends z.ZodType = z.ZodType> {
  schema: S;
  draft(locale: MailLocale, data: z.infer<S>, context: MailContext): MailDraft;
}

/** A template whose `draft` is typed by its schema. */
export function defineMailTemplate<S extends z.ZodType>(
  template: MailTemplate<S>,
): MailTemplate<S> {
  return template;
}
