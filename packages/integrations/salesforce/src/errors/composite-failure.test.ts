import { describe, expect, it } from "vitest";
import { compositeFailure } from "./composite-failure.js";

/** A rolled-back sibling, as the Composite Response Body shows it with allOrNone. */
const HALTED = {
  body: [
    {
      errorCode: "PROCESSING_HALTED",
      message:
        "The transaction was rolled back since another operation in the same transaction failed.",
    },
  ],
  httpHeaders: {},
  httpStatusCode: 400,
};

describe("compositeFailure", () => {
  it("is null when every subrequest succeeded", () => {
    expect(
      compositeFailure("createOrder", [
        {
          body: { id: "801R00000033I6AIAU", success: true, errors: [] },
          httpHeaders: { Location: "/services/data/v62.0/sobjects/Order/801R00000033I6AIAU" },
          httpStatusCode: 201,
          referenceId: "newOrder",
        },
      ]),
    ).toBeNull();
  });

  it("names the subrequest that failed on its own, not the rolled-back ones", () => {
    const error = compositeFailure("createOrder", [
      { ...HALTED, referenceId: "newOrder" },
      {
        body: [
          {
            message: "invalid cross reference id",
            errorCode: "INVALID_CROSS_REFERENCE_KEY",
            fields: ["PricebookEntryId"],
          },
        ],
        httpHeaders: {},
        httpStatusCode: 400,
        referenceId: "line0",
      },
    ]);
    expect(error).toMatchObject({
      kind: "rejected",
      operation: "createOrder",
      vendorCode: "INVALID_CROSS_REFERENCE_KEY",
      httpStatus: 400,
    });
  });

  it("reads a 5xx subrequest as unavailable and falls back to a halted one when nothing else failed", () => {
    expect(
      compositeFailure("createOrder", [
        {
          body: [{ message: "x", errorCode: "UNKNOWN_EXCEPTION" }],
          httpHeaders: {},
          httpStatusCode: 500,
          referenceId: "a",
        },
      ])?.kind,
    ).toBe("unavailable");
    expect(compositeFailure("createOrder", [{ ...HALTED, referenceId: "a" }])?.vendorCode).toBe(
      "PROCESSING_HALTED",
    );
  });
});
