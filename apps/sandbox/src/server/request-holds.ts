import type { Socket } from "node:net";

interface Hold {
  readonly timer: NodeJS.Timeout;
  readonly release: () => void;
}

/** A call whose answer is held (a `hold` fault): which fault, stand-in and call, and since when. */
export interface HeldAnswer {
  readonly faultId: string;
  readonly system: string;
  /** The WHMCS action, Salesforce path or Freebit path the fault matched. */
  readonly subject: string;
  /** `before`: the call waits undone (`hold-before`); `answer`: done, its answer waits (`hold`). */
  readonly phase: "before" | "answer";
  /** ISO 8601 UTC. */
  readonly since: string;
  /** The caller's connection has closed: it will never read the answer. */
  readonly clientGone: boolean;
}

/** What a hold is told about the held call: everything but what is read when it is listed. */
export type HeldCall = Omit<HeldAnswer, "since" | "clientGone">;

/**
 * Timers that keep requests waiting (latency faults) or keep them open without an answer
 * (timeout faults), and answers held until released (hold faults). `releaseAll` ends every one
 * at once, so closing the sandbox never waits for a fault's timer and never leaves a socket open.
 */
export class RequestHolds {
  private readonly holds = new Set<Hold>();
  private readonly answers = new Map<
    object,
    HeldCall & {
      since: string;
      socket: Pick<Socket, "destroyed">;
      release: () => void;
      released: Promise<void>;
    }
  >();

  /**
   * Holds the answer to `request` (the stand-in still does the call's work) until
   * {@link releaseAnswers}: what a client sees when it dies in the middle of a call — the
   * upstream acted, the answer never arrived. Stand-ins wait for {@link answerReleased} before
   * sending. `socket` is the caller's connection, watched for {@link HeldAnswer.clientGone}.
   */
  holdAnswer(request: object, socket: Pick<Socket, "destroyed">, held: HeldCall): void {
    let release = () => undefined as void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.answers.set(request, {
      ...held,
      since: new Date().toISOString(),
      socket,
      release,
      released,
    });
  }

  /**
   * Resolves once released ({@link releaseAnswers}): the call waits, undone, listed with the
   * held answers (phase `before`).
   */
  async holdRequest(
    request: object,
    socket: Pick<Socket, "destroyed">,
    held: HeldCall,
  ): Promise<void> {
    this.holdAnswer(request, socket, held);
    await this.answerReleased(request);
  }

  /** Resolves once the answer to `request` may be sent: at once unless it is held. */
  async answerReleased(request: object): Promise<void> {
    const held = this.answers.get(request);
    if (!held) return;
    await held.released;
    this.answers.delete(request);
  }

  /** The answers held now, oldest first. */
  heldAnswers(): HeldAnswer[] {
    return [...this.answers.values()].map(({ faultId, system, subject, phase, since, socket }) => ({
      faultId,
      system,
      subject,
      phase,
      since,
      clientGone: socket.destroyed,
    }));
  }

  /** Sends every held answer (to whoever still listens); returns how many there were. */
  releaseAnswers(): number {
    const held = [...this.answers.values()];
    for (const answer of held) answer.release();
    this.answers.clear();
    return held.length;
  }

  /** Resolves after `milliseconds`, or as soon as `releaseAll` is called. */
  delay(milliseconds: number): Promise<void> {
    return new Promise((resolve) => {
      const hold: Hold = {
        timer: setTimeout(() => {
          this.holds.delete(hold);
          resolve();
        }, milliseconds),
        release: resolve,
      };
      this.holds.add(hold);
    });
  }

  /**
   * Leaves `socket` without an answer until the client gives up; drops it after `maxMilliseconds`
   * (or on `releaseAll`) so abandoned connections do not pile up.
   */
  holdOpen(socket: Socket, maxMilliseconds: number): void {
    const hold: Hold = {
      timer: setTimeout(() => {
        this.holds.delete(hold);
        socket.destroy();
      }, maxMilliseconds),
      release: () => socket.destroy(),
    };
    this.holds.add(hold);
    socket.once("close", () => {
      clearTimeout(hold.timer);
      this.holds.delete(hold);
    });
  }

  /** Ends every pending delay, sends every held answer and drops every held socket now. */
  releaseAll(): void {
    this.releaseAnswers();
    for (const hold of this.holds) {
      clearTimeout(hold.timer);
      hold.release();
    }
    this.holds.clear();
  }
}
