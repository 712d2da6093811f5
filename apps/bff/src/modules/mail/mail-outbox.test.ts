import { Logger } from "@nestjs/common";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../../../test/support/eventually.js";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.js";
import { type AppConfig } from "../config/config.schema.js";
import { APP_JOBS, type AppJobs } from "../queue/app-jobs.js";
import { JobQueue } from "../queue/job-queue.js";
import { MailSender } from "./mail-sender.js";
import { type MailTransport, type OutgoingMail } from "./mail-transport.js";
import { dedupeJobId, MailService } from "./mail.service.js";

const config = {
  http: { publicUrl: "https://portal.example.jp" },
  mail: { from: "Aozora Net <no-reply@portal.example.jp>" },
} as AppConfig;

/**
 * An SMTP server that answers each send to an address with the next scripted outcome for that
 * address, then accepts.
 */
class FakeTransport implements MailTransport {
  readonly sent: OutgoingMail[] = [];
  readonly attempts = new Map<string, number>();
  readonly scripts = new Map<string, (Error | "ok")[]>();

  async send(mail: OutgoingMail): Promise<void> {
    const attempt = this.attempts.get(mail.to) ?? 0;
    this.attempts.set(mail.to, attempt + 1);
    const outcome = this.scripts.get(mail.to)?.[attempt] ?? "ok";
    if (outcome !== "ok") {
      throw outcome;
    }
    this.sent.push(mail);
  }

  sentTo(to: string): OutgoingMail[] {
    return this.sent.filter((mail) => mail.to === to);
  }

  close(): void {}
}

function smtpReply(responseCode: number): Error {
  return Object.assign(new Error(`SMTP ${responseCode}`), { responseCode });
}

let database: TestDatabase;
let jobs: JobQueue<AppJobs>;
let mail: MailService;
const transport = new FakeTransport();

/** pg-boss on PGlite starts slowly on a busy machine: one outbox for the whole file. */
beforeAll(async () => {
  Logger.overrideLogger(false);
  database = await openTestDatabase();
  jobs = new JobQueue(
    database.connection.executeSql,
    // Retries after about 1, 2, 4 … s instead of 30 s.
    { ...APP_JOBS, "mail.send": { ...APP_JOBS["mail.send"], retryDelaySeconds: 1 } },
    { pollingIntervalSeconds: 0.5 },
  );
  new MailSender(config, jobs, transport).onModuleInit();
  // The queue refuses to start without a handler per job; only the outbox's matters here.
  for (const name of Object.keys(APP_JOBS) as (keyof AppJobs)[]) {
    if (name !== "mail.send") jobs.register(name, async () => undefined);
  }
  await jobs.start();
  mail = new MailService(config, jobs);
}, 120_000);

afterAll(async () => {
  await jobs?.stop();
  await database?.close();
});

/** Waits, without a deadline of its own, for `probe` to satisfy `accept`. */
function settles<T>(probe: () => Promise<T>, accept: (value: T) => boolean): Promise<T> {
  return eventually(probe, accept, { attempts: 400, intervalMs: 100 });
}

describe("MailService + the mail.send outbox", { timeout: 60_000 }, () => {
  it("renders, queues and sends from MAIL_FROM", async () => {
    expect(
      await mail.send("signup-verification-code", "a@example.jp", "en", { code: "123456" }),
    ).toEqual(expect.any(String));

    const [sent] = await settles(
      async () => transport.sentTo("a@example.jp"),
      (found) => found.length === 1,
    );
    expect(sent).toMatchObject({
      from: config.mail.from,
      to: "a@example.jp",
      subject: "[Aozora Net] Your e-mail verification code",
      text: expect.stringContaining("123456"),
      html: expect.stringContaining("123456"),
    });
  });

  it("sends a message with a dedupe key once, also when it is sent again after the first went out", async () => {
    const data = { firstName: "花子", lastName: "山田", orderId: "801X", orderNumber: "00000042" };
    const first = await mail.send("order-activated", "once@example.jp", "ja", data, {
      dedupeKey: "order-activated:801X",
    });
    expect(first).toBe(dedupeJobId("order-activated:801X"));
    await settles(
      async () => transport.sentTo("once@example.jp"),
      (found) => found.length === 1,
    );

    expect(
      await mail.send("order-activated", "once@example.jp", "ja", data, {
        dedupeKey: "order-activated:801X",
      }),
    ).toBeNull();
    expect(dedupeJobId("order-activated:801X")).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(dedupeJobId("order-activated:801Y")).not.toBe(dedupeJobId("order-activated:801X"));
    expect(transport.sentTo("once@example.jp")).toHaveLength(1);
  });

  it("queues every message sent at once without a dedupe key (the queue's policy drops none)", async () => {
    const queued = await Promise.all(
      ["one", "two", "three"].map((name) =>
        mail.send("signup-verification-code", `${name}@example.jp`, "ja", { code: "654321" }),
      ),
    );

    expect(queued).toEqual([expect.any(String), expect.any(String), expect.any(String)]);
    for (const name of ["one", "two", "three"]) {
      await settles(
        async () => transport.sentTo(`${name}@example.jp`),
        (found) => found.length === 1,
      );
    }
  });

  it("retries a transient failure (451, connection refused) until it goes through", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    transport.scripts.set("b@example.jp", [smtpReply(451), refused]);

    await mail.send("welcome", "b@example.jp", "ja", {
      firstName: "花子",
      lastName: "山田",
      customerNumber: "100042",
    });

    await settles(
      async () => transport.sentTo("b@example.jp"),
      (found) => found.length === 1,
    );
    expect(transport.attempts.get("b@example.jp")).toBe(3);
  });

  it("dead-letters a permanent refusal (550) at once, without retrying", async () => {
    transport.scripts.set("gone@example.jp", [smtpReply(550)]);
    const before = (await jobs.counts())["mail.send"].deadLettered;

    await mail.send("email-changed-notice", "gone@example.jp", "ja", {
      newEmail: "n@example.jp",
    });

    await settles(
      async () => (await jobs.counts())["mail.send"].deadLettered,
      (deadLettered) => deadLettered === before + 1,
    );
    expect(transport.attempts.get("gone@example.jp")).toBe(1);
    expect(transport.sentTo("gone@example.jp")).toEqual([]);
  });

  it("never throws to the caller: bad data or a queue that refuses gives null", async () => {
    expect(
      await mail.send("signup-verification-code", "d@example.jp", "ja", { code: "x" }),
    ).toBeNull();
    const broken = { send: () => Promise.reject(new Error("database down")) };
    const failing = new MailService(config, broken as unknown as JobQueue<AppJobs>);
    expect(
      await failing.send("signup-verification-code", "d@example.jp", "ja", { code: "123456" }),
    ).toBeNull();
  });
});
