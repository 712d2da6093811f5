import { FREEBIT_RESULT_CODES } from "../contract.js";
import { type FreebitCore } from "../core/freebit-core.js";
import { FreebitError } from "../core/freebit-error.js";
import { toMvnoLine, type MvnoLine } from "../mappers/mvno-line.js";
import { getDetailResponseSchema } from "../raw/account.js";

/**
 * `freebit.lines`: mobile lines (Freebit "accounts") — reads only, retried on transient failures.
 * Source: contract.ts `getDetail` (PA03-02).
 */
export class FreebitLines {
  constructor(private readonly core: FreebitCore) {}

  /** The line with number `account`, or null when Freebit has none. @throws FreebitError */
  async get(account: string): Promise<MvnoLine | null> {
    try {
      const raw = await this.core.read(
        "getDetail",
        { requestDatas: [{ kind: "MVNO", account }], version: "2" },
        getDetailResponseSchema,
      );
      return this.core.map("getDetail", () => toMvnoLine(raw.account));
    } catch (error) {
      if (
        error instanceof FreebitError &&
        error.hasResultCode(FREEBIT_RESULT_CODES.accountNotFound.resultCode)
      ) {
        return null;
      }
      throw error;
    }
  }
}
