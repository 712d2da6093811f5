import { z } from "zod";
import { type JobDefinitions } from "./job-definition.js";

/**
 * Every durable job of the BFF (DESIGN.md §9 "Jobs"), by name; each has exactly one handler,
 * registered by the module that owns it (the queue refuses to start otherwise):
 * - `workflow.resume` (workflow module): finish a workflow run a crash or restart left
 *   incomplete; singleton per run.
 * - `idempotency.prune` (http module): delete idempotency keys past their 24 h; hourly.
 * - `mfa.challenges.prune` (auth module): delete login challenges past their 5 minutes (used or
 *   not, they open nothing any more); hourly (decision 0048).
 * - `account.billing-address.sync` (account module): copy a client's address from WHMCS to the
 *   Salesforce Account's billing address after the inline write failed; singleton per Account
 *   (decision 0032).
 * - `account.contact.sync` (customer module): copy a client's names, readings and phone from WHMCS
 *   to the Salesforce Contact after the inline write failed; singleton per Account (decision 0039).
 * - `mail.send` (mail module): hand one rendered message to SMTP — the mail outbox (decision
 *   0027). Transient failures retry with backoff (about 30 s, 1, 2, 4 … min; the first delay is
 *   `MAIL_RETRY_DELAY_SECONDS`); a permanent one (5xx) goes straight to `mail.send.dead`.
 * - `auth.password-reset.request` (auth module): look the address of a "forgot password" request
 *   up and, when it is a user's, issue a reset token and queue its mail — off the request path,
 *   so the 202 takes the same time whether or not the address has an account (decision 0041).
 * - `order.fulfil` (fulfilment module): fulfil an approved Salesforce Order (`orderId`, its Id) —
 *   the `order.fulfilment` workflow (DESIGN.md §6); one queued and one running per Order
 *   (`stately`, singleton key = the Order id). A transient failure retries with backoff (about
 *   15 s, 30 s, 1, 2, 4 … min, 8 retries, decision 0069); when they are used up the Order is
 *   marked Failed (`RETRIES_EXHAUSTED`) and the job lands in `order.fulfil.dead`; a permanent
 *   failure (Failed written back) goes there at once, for an operator to retry. Each process works
 *   `FULFILMENT_CONCURRENCY` of them at once (set by the queue module; decision 0076); every other
 *   job one at a time.
 */
export const APP_JOBS = {
  "workflow.resume": {
    policy: "stately",
    schema: z.object({ workflow: z.string().min(1), businessId: z.string().min(1) }),
    retryLimit: 5,
    retryDelaySeconds: 10,
    retryBackoff: true,
    expireInSeconds: 15 * 60,
  },
  "idempotency.prune": {
    policy: "short",
    schema: z.object({}),
    cron: { expression: "17 * * * *", payload: {} },
    retryLimit: 2,
    retryDelaySeconds: 60,
    retryBackoff: true,
    expireInSeconds: 5 * 60,
  },
  "mfa.challenges.prune": {
    policy: "short",
    schema: z.object({}),
    cron: { expression: "47 * * * *", payload: {} },
    retryLimit: 2,
    retryDelaySeconds: 60,
    retryBackoff: true,
    expireInSeconds: 5 * 60,
  },
  "account.billing-address.sync": {
    policy: "stately",
    schema: z.object({
      billingClientId: z.number().int().positive(),
      sfAccountId: z.string().min(15),
    }),
    retryLimit: 10,
    retryDelaySeconds: 30,
    retryBackoff: true,
    expireInSeconds: 5 * 60,
  },
  "account.contact.sync": {
    policy: "stately",
    schema: z.object({
      billingClientId: z.number().int().positive(),
      sfAccountId: z.string().min(15),
    }),
    retryLimit: 10,
    retryDelaySeconds: 30,
    retryBackoff: true,
    expireInSeconds: 5 * 60,
  },
  "mail.send": {
    policy: "short",
    schema: z.object({
      template: z.string().min(1),
      to: z.email(),
      subject: z.string().min(1),
      html: z.string().min(1),
      text: z.string().min(1),
    }),
    retryLimit: 10,
    retryDelaySeconds: 30,
    retryBackoff: true,
    expireInSeconds: 5 * 60,
  },
  "auth.password-reset.request": {
    policy: "standard",
    schema: z.object({
      email: z.email(),
      ip: z.string().nullable(),
      userAgent: z.string().nullable(),
    }),
    retryLimit: 3,
    retryDelaySeconds: 5,
    retryBackoff: true,
    expireInSeconds: 60,
  },
  "order.fulfil": {
    policy: "stately",
    schema: z.object({ orderId: z.string().regex(/^[a-zA-Z0-9]{18}$/) }),
    retryLimit: 8,
    retryDelaySeconds: 15,
    retryBackoff: true,
    // Short: an attempt lasts seconds (a step's retries wait 1 + 2 s, Freebit's completion
    // suspends the run instead of waiting), and expiry is what frees a job whose process died
    // after taking it but before the run was claimed (found by the kill tests, decision 0073).
    // An attempt still running past it is refused by the run's lease, never run twice. The queue
    // module sets it to the run's lease (FULFILMENT_LEASE_SECONDS).
    expireInSeconds: 2 * 60,
  },
} satisfies JobDefinitions;

/** The BFF's jobs as a type. */
export type AppJobs = typeof APP_JOBS;
