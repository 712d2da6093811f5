import { randomBytes } from "node:crypto";

/** Name of the client-area session cookie (HttpOnly, path `/whmcs`). */
export const SESSION_COOKIE = "WHMCSClientSession";

/** Client-area sessions started by single sign-on: session id → WHMCS client id. In memory. */
export class ClientSessions {
  private readonly sessions = new Map<string, number>();

  start(clientId: number): string {
    const id = randomBytes(24).toString("base64url");
    this.sessions.set(id, clientId);
    return id;
  }

  /** The client signed in with session `id`, or undefined. */
  clientOf(id: string | undefined): number | undefined {
    return id === undefined ? undefined : this.sessions.get(id);
  }

  clear(): void {
    this.sessions.clear();
  }
}
