import { FREEBIT_RESULT_CODES } from "@portal/freebit";

/** A refusal's code, by its name in the contract table. */
export type RefusalCode = keyof typeof FREEBIT_RESULT_CODES;

/**
 * A refused Freebit call: answered HTTP 200 with the contract's `resultCode` and
 * `status { message, statusCode }` (`statusCode` the table's detail code, or `detail` such as
 * `"400-356"`). Source: packages/integrations/freebit/src/contract.ts.
 */
export class FreebitRefusal extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = "FreebitRefusal";
  }

  /** The answer body. */
  body(): Record<string, unknown> {
    const row = FREEBIT_RESULT_CODES[this.code];
    return {
      resultCode: row.resultCode,
      status: {
        message: this.message,
        statusCode: this.detail ?? row.statusCode ?? row.resultCode,
      },
    };
  }
}

/** The success envelope [S: resultCode "100"; A: statusCode "200"]. */
export const OK_ENVELOPE = {
  resultCode: FREEBIT_RESULT_CODES.ok.resultCode,
  status: { message: "OK", statusCode: "200" },
} as const;
