import { z } from "zod";

/** A fault as `POST /__control/faults` takes it (docs/architecture/wiring.md "Control API"). */
export interface FaultSpec {
  system: "whmcs" | "salesforce" | "freebit";
  /**
   * WHMCS action name, or a substring of the Salesforce or Freebit request path; omitted = every
   * call.
   */
  match?: string;
  /**
   * `hold-before` keeps a matching call waiting, undone, until {@link SandboxControl.releaseHolds};
   * `hold` does its work and keeps its answer until then.
   */
  kind:
    | "latency"
    | "http5xx"
    | "timeout"
    | "whmcs-error"
    | "sf-request-limit"
    | "malformed"
    | "hold"
    | "hold-before";
  latencyMs?: number;
  status?: number;
  message?: string;
  /** How many matching calls fail; omitted = until cleared. */
  times?: number;
}

const callsSchema = z.object({
  whmcs: z.record(z.string(), z.number()),
  salesforce: z.record(z.string(), z.number()),
  freebit: z.record(z.string(), z.number()).default({}),
});

/** Upstream call counters: WHMCS by action, Salesforce by `METHOD path-template`, Freebit by path. */
export type UpstreamCalls = z.infer<typeof callsSchema>;

const mailSchema = z.object({
  messages: z.array(
    z.object({
      to: z.array(z.string()),
      from: z.string(),
      subject: z.string(),
      text: z.string(),
      html: z.string(),
      receivedAt: z.string(),
    }),
  ),
});

/** A message the sandbox's SMTP stand-in accepted (`GET /__control/mail`). */
export type SandboxMail = z.infer<typeof mailSchema>["messages"][number];

/** Client of the sandbox's `/__control/*` HTTP API, which tests use to steer the stand-ins. */
export class SandboxControl {
  constructor(private readonly sandboxUrl: string) {}

  /** Messages the SMTP stand-in accepted for `to`, newest first. */
  async mail(to: string): Promise<SandboxMail[]> {
    const body = await this.send("GET", `/__control/mail?to=${encodeURIComponent(to)}`);
    return mailSchema.parse(body).messages;
  }

  /** How the SMTP stand-in answers recipients from now on: accept, 451 or 550. */
  async mailRefusal(refusal: "accept" | "transient" | "permanent"): Promise<void> {
    await this.send("PUT", "/__control/mail/refusal", { refusal });
  }

  /** Reseeds the demo data and clears faults and counters. */
  async reset(): Promise<void> {
    await this.send("POST", "/__control/reset");
  }

  /** Installs a fault; returns its id. */
  async fault(spec: FaultSpec): Promise<string> {
    const body = await this.send("POST", "/__control/faults", spec);
    return z
      .object({ id: z.union([z.string(), z.number()]) })
      .parse(body)
      .id.toString();
  }

  /** How many calls `hold` / `hold-before` faults keep waiting now (`GET /__control/holds`). */
  async heldCalls(): Promise<number> {
    const body = z
      .object({ held: z.array(z.unknown()) })
      .parse(await this.send("GET", "/__control/holds"));
    return body.held.length;
  }

  /** Lets every held call go on (`POST /__control/holds/release`). */
  async releaseHolds(): Promise<void> {
    await this.send("POST", "/__control/holds/release");
  }

  async clearFaults(): Promise<void> {
    await this.send("DELETE", "/__control/faults");
  }

  async calls(): Promise<UpstreamCalls> {
    return callsSchema.parse(await this.send("GET", "/__control/calls"));
  }

  async resetCalls(): Promise<void> {
    await this.send("POST", "/__control/calls/reset");
  }

  /** How often WHMCS `action` was called since the last reset. */
  async whmcsCalls(action: string): Promise<number> {
    return (await this.calls()).whmcs[action] ?? 0;
  }

  /** Pays an invoice as the customer would inside WHMCS; the sandbox then sends the webhook. */
  async payInvoice(invoiceId: number): Promise<void> {
    await this.send("POST", `/__control/whmcs/invoices/${invoiceId}/pay`);
  }

  /**
   * Staff's answer to an internet eligibility request, as the sandbox console's buttons give it:
   * `Eligible` with an offering type (`Home 1G`, `Home 10G`, `Mansion 1G`), or `Ineligible`.
   */
  async decideEligibility(
    accountId: string,
    decision: { status: "Eligible"; offeringType: string } | { status: "Ineligible" },
  ): Promise<void> {
    await this.send("POST", `/__control/salesforce/accounts/${accountId}/eligibility`, decision);
  }

  /**
   * How long an accepted Freebit activation takes to complete on its own from now on, ms (0 = at
   * once; null = only when a test settles it with {@link settleFreebitActivation}).
   */
  async freebitActivationDelay(delayMs: number | null): Promise<void> {
    await this.send("PUT", "/__control/freebit/activation-delay", { delayMs });
  }

  /** Completes (or fails, with Freebit's `errorCode`) an activation still processing. */
  async settleFreebitActivation(
    requestKey: string,
    errorCode: string | null = null,
  ): Promise<void> {
    const outcome = errorCode === null ? "complete" : "fail";
    await this.send(
      "POST",
      `/__control/freebit/activations/${encodeURIComponent(requestKey)}/${outcome}`,
      errorCode === null ? undefined : { errorCode },
    );
  }

  async setWebhookUrl(url: string | null): Promise<void> {
    await this.send("PUT", "/__control/webhook", { url });
  }

  private async send(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(new URL(path, this.sandboxUrl), {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`sandbox ${method} ${path} answered ${response.status}: ${text}`);
    }
    return text === "" ? undefined : (JSON.parse(text) as unknown);
  }
}
