import { Logger } from "@nestjs/common";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../../../test/support/eventually.js";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.js";
import { type AppConfig } from "../config/config.schema.js";
import { APP_JOBS, type AppJobs } from "../queue/app-jobs.js";
import { JobQueue } from "../queue/job-queue.js";
import { MailSender } from "./mail-sender.js";
import { type MailTransport, type OutgoingMail } from "./mail-transport.js";
import { MailService } from "./mail.service.js";

const config = {
  http: { publicUrl: "https://portal.example.jp" },
  mail: { from: "Aozora Net <no-reply@portal.example.jp>" },
} as AppConfig;

/** An SMTP server that answers each send with the next scripted outcome, then accepts. */
class FakeTransport implements MailTransport {
  readonly sent: OutgoingMail[] = [];
  attempts = 0;

  constructor(private readonly script: (Error | "ok")[] = []) {}

  async send(mail: OutgoingMail): Promise<void> {
    const outcome = this.script[this.attempts] ?? "ok";
    this.attempts += 1;
    if (outcome !== "ok") {
      throw outcome;
    }
    this.sent.push(mail);
  }

  close(): void {}
}

function smtpReply(responseCode: number): Error {
  return Object.assign(new Error(`SMTP ${responseCode}`), { responseCode });
}

let database: TestDatabase | undefined;
let queue: JobQueue<AppJobs> | undefined;

beforeAll(() => {
  Logger.overrideLogger(false);
});

afterEach(async () => {
  await queue?.stop();
  await database?.close();
  queue = undefined;
  database = undefined;
});

/** The outbox on a fresh database with `transport`, retrying after about 1, 2, 4 … s. */
async function outbox(
  transport: MailTransport,
): Promise<{ mail: MailService; jobs: JobQueue<AppJobs> }> {
  database = await openTestDatabase();
  const jobs = new JobQueue(
    database.connection.executeSql,
    {
      ...APP_JOBS,
      "mail.send": { ...APP_JOBS["mail.send"], retryDelaySeconds: 1 },
    },
    { pollingIntervalSeconds: 0.5 },
  );
  queue = jobs;
  new MailSender(config, jobs, transport).onModuleInit();
  jobs.register("workflow.resume", async () => undefined);
  jobs.register("idempotency.prune", async () => undefined);
  await jobs.start();
  return { mail: new MailService(config, jobs), jobs };
}

describe("MailService + the mail.send outbox", () => {
  it("renders, queues and sends from MAIL_FROM", async () => {
    const transport = new FakeTransport();
    const { mail } = await outbox(transport);

    expect(
      await mail.send("signup-verification-code", "a@example.jp", "en", { code: "123456" }),
    ).toEqual(expect.any(String));

    await eventually(
      async () => transport.sent,
      (sent) => sent.length === 1,
    );
    expect(transport.sent[0]).toMatchObject({
      from: config.mail.from,
      to: "a@example.jp",
      subject: "[Aozora Net] Your e-mail verification code",
      text: expect.stringContaining("123456"),
      html: expect.stringContaining("123456"),
    });
  });

  it("retries a transient failure (451, connection refused) until it goes through", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    const transport = new FakeTransport([smtpReply(451), refused]);
    const { mail, jobs } = await outbox(transport);

    await mail.send("welcome", "b@example.jp", "ja", {
      firstName: "花子",
      lastName: "山田",
      customerNumber: "100042",
    });

    await eventually(
      async () => transport.sent,
      (sent) => sent.length === 1,
      { attempts: 100 },
    );
    expect(transport.attempts).toBe(3);
    expect((await jobs.counts())["mail.send"]).toMatchObject({ failed: 2, deadLettered: 0 });
  });

  it("dead-letters a permanent refusal (550) at once, without retrying", async () => {
    const transport = new FakeTransport([smtpReply(550)]);
    const { mail, jobs } = await outbox(transport);

    await mail.send("email-changed-notice", "gone@example.jp", "ja", { newEmail: "n@example.jp" });

    const counts = await eventually(
      async () => (await jobs.counts())["mail.send"],
      (value) => value.deadLettered === 1,
    );
    expect(counts).toMatchObject({ failed: 1, waiting: 0 });
    expect(transport.attempts).toBe(1);
    expect(transport.sent).toEqual([]);
  });

  it("sends one message per dedupe key while it is queued", async () => {
    const transport = new FakeTransport();
    const { mail } = await outbox(transport);
    const data = { firstName: "花子", lastName: "山田", customerNumber: "100042" };

    const first = await mail.send("welcome", "c@example.jp", "ja", data, {
      dedupeKey: "welcome:u1",
    });
    const again = await mail.send("welcome", "c@example.jp", "ja", data, {
      dedupeKey: "welcome:u1",
    });

    expect(first).toEqual(expect.any(String));
    expect(again).toBeNull();
  });

  it("never throws to the caller: bad data or a queue that refuses gives null", async () => {
    const transport = new FakeTransport();
    const { mail, jobs } = await outbox(transport);

    expect(
      await mail.send("signup-verification-code", "d@example.jp", "ja", { code: "x" }),
    ).toBeNull();
    await jobs.stop();
    await database?.close();
    database = undefined;
    expect(
      await mail.send("signup-verification-code", "d@example.jp", "ja", { code: "123456" }),
    ).toBeNull();
  });
});
