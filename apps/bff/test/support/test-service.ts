import "reflect-metadata";
import { vi, type Mocked } from "vitest";

/** A class the container can construct (a service, repository or client). */
type Constructor<T = unknown> = abstract new (...args: never[]) => T;

/** An injection token: a class, or the symbol/string of an `@Inject(token)` parameter. */
type Token = Constructor | symbol | string;

/** What {@link newTestService} built: the service and the fakes it was given. */
export interface TestService<T> {
  /** The service under test, constructed with fakes (and the `use` values). */
  sut: T;
  /** The fake given for class `type`: every method a `vi.fn()` answering undefined until told. */
  mock<D>(type: Constructor<D>): Mocked<D>;
}

/**
 * Builds `Service` the way NestJS would, from its constructor's declared parameters (decorator
 * metadata; `@Inject(token)` parameters included), without a container, a database or a server:
 * every class dependency is a fake whose methods are `vi.fn()`s (like immich's `newTestService`,
 * server/test/utils.ts); `use` supplies real values instead, by token (a class, or the token of an
 * `@Inject` parameter such as `APP_CONFIG`, which has no fake).
 * @throws Error naming the parameter when a non-class token has no `use` value.
 */
export function newTestService<T>(
  Service: new (...args: never[]) => T,
  use: ReadonlyMap<Token, unknown> = new Map(),
): TestService<T> {
  const types = (Reflect.getMetadata("design:paramtypes", Service) ?? []) as Token[];
  // NestJS records `@Inject(token)` parameters apart from the emitted types.
  const injected = (Reflect.getMetadata("self:paramtypes", Service) ?? []) as {
    index: number;
    param: Token;
  }[];
  const tokens = types.map(
    (type, index) => injected.find((entry) => entry.index === index)?.param ?? type,
  );
  const fakes = new Map<Token, object>();
  const args = tokens.map((token, index) => {
    if (use.has(token)) return use.get(token);
    if (typeof token !== "function") {
      throw new Error(
        `${Service.name} parameter ${index} (${String(token)}) needs a \`use\` value`,
      );
    }
    const fake = fakeOf(token);
    fakes.set(token, fake);
    return fake;
  });
  return {
    sut: new Service(...(args as never[])),
    mock<D>(type: Constructor<D>): Mocked<D> {
      const fake = fakes.get(type);
      if (!fake) {
        throw new Error(`${Service.name} was not given a fake ${type.name}`);
      }
      return fake as Mocked<D>;
    },
  };
}

/** An object with a `vi.fn()` for every method of `type` and its base classes. */
function fakeOf(type: Constructor): object {
  const fake: Record<string, unknown> = {};
  for (let proto = type.prototype as object | null; proto && proto !== Object.prototype;) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name !== "constructor" && !(name in fake)) {
        fake[name] = vi.fn().mockName(`${type.name}.${name}`);
      }
    }
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  return fake;
}
