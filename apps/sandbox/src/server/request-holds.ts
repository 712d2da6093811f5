import type { Socket } from "node:net";

interface Hold {
  readonly timer: NodeJS.Timeout;
  readonly release: () => void;
}

/**
 * Timers that keep requests waiting (latency faults) or keep them open without an answer
 * (timeout faults). `releaseAll` ends every one at once, so closing the sandbox never waits for
 * a fault's timer and never leaves a socket open.
 */
export class RequestHolds {
  private readonly holds = new Set<Hold>();

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

  /** Ends every pending delay and drops every held socket now. */
  releaseAll(): void {
    for (const hold of this.holds) {
      clearTimeout(hold.timer);
      hold.release();
    }
    this.holds.clear();
  }
}
