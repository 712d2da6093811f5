/**
 * Holds the current REST session and signs in lazily: the first call signs in, concurrent callers
 * share that one sign-in, and a failed sign-in is not remembered (the next call tries again).
 * `renew(stale)` replaces a session Salesforce no longer accepts; callers that hit the same expired
 * session together still cause a single sign-in, and a caller holding a session that was already
 * replaced simply gets the newer one.
 */
export class SharedSession<Session> {
  #current: Session | undefined;
  #signingIn: Promise<Session> | undefined;

  constructor(private readonly signIn: () => Promise<Session>) {}

  /** The current session, signing in first when there is none. Rejects with the sign-in's error. */
  get(): Promise<Session> {
    if (this.#current !== undefined) return Promise.resolve(this.#current);
    this.#signingIn ??= this.signIn()
      .then((session) => {
        this.#current = session;
        return session;
      })
      .finally(() => {
        this.#signingIn = undefined;
      });
    return this.#signingIn;
  }

  /** A session other than `stale`: the one another caller already renewed, or a fresh sign-in. */
  renew(stale: Session): Promise<Session> {
    if (this.#current === stale) this.#current = undefined;
    return this.get();
  }
}
