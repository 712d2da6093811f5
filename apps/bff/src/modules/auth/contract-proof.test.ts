import { type SalesforceClient, SalesforceError } from "@portal/salesforce";
import { describe, expect, it } from "vitest";
import { AppError } from "../http/app-error.js";
import { ContractProof } from "./contract-proof.js";

/** A Salesforce whose contracts carry `phones` per customer number. */
function proofWith(phones: Record<string, string[]>, failure?: Error): ContractProof {
  const salesforce = {
    accounts: {
      contractPhones: (customerNumber: string) =>
        failure ? Promise.reject(failure) : Promise.resolve(phones[customerNumber] ?? []),
    },
  };
  return new ContractProof(salesforce as unknown as SalesforceClient);
}

/** The error `promise` rejects with, or null. */
function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

describe("ContractProof", () => {
  const proof = proofWith({
    "100002": ["080-3456-7890"],
    "100005": ["+81 3-5555-0105", "090 1111 2222"],
    "100006": [],
  });

  it.each([
    ["100002", "080-3456-7890"],
    ["100002", "０８０ー３４５６ー７８９０"],
    ["100002", "+81 80 3456 7890"],
    ["100005", "03-5555-0105"],
    ["100005", "09011112222"],
  ])("accepts %s with phone %j", async (customerNumber, phone) => {
    await expect(proof.check(customerNumber, phone)).resolves.toBeUndefined();
  });

  it("answers an unknown number, a wrong phone and an Account without a phone with one error", async () => {
    const errors = await Promise.all([
      rejection(proof.check("999999", "080-3456-7890")),
      rejection(proof.check("100002", "080-3456-7891")),
      rejection(proof.check("100006", "080-3456-7890")),
    ]);

    for (const error of errors) {
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({
        code: "SIGNUP_DETAILS_NOT_MATCHED",
        message: (errors[0] as AppError).message,
        fields: (errors[0] as AppError).fields,
      });
    }
    expect(Object.keys((errors[0] as AppError).fields ?? {}).sort()).toEqual([
      "customerNumber",
      "phone",
    ]);
  });

  it("lets a Salesforce failure through (answered 502/503), never as a refusal", async () => {
    const outage = new SalesforceError("unavailable", "findContractPhones", { httpStatus: 503 });

    expect(await rejection(proofWith({}, outage).check("100002", "080-3456-7890"))).toBe(outage);
  });
});
