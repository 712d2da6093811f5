import { describe, expect, it } from "vitest";
import {
  toAddAccountRequest,
  toAddEsimAccountRequest,
  toFreebitMnp,
} from "../../src/mappers/activation-request.js";
import { toMvnoLine } from "../../src/mappers/mvno-line.js";
import { toSimActivation } from "../../src/mappers/sim-activation.js";
import { getDetailResponseSchema } from "../../src/raw/account.js";
import { getActivationResponseSchema } from "../../src/raw/activation.js";
import { freebitEnvelopeSchema } from "../../src/raw/envelope.js";

const mnp = {
  reservationNumber: "1234567890",
  expiresOn: "2026-04-10",
  lastName: "山田",
  firstName: "太郎",
  lastNameKana: "ヤマダ",
  firstNameKana: "タロウ",
  birthdate: "1990-01-01",
  gender: "female",
} as const;

const contract = {
  masterAccount: "AAA0_00000000001",
  masterPassword: "pw",
  relationCode: "REL01",
  deliveryCode: "DLV01",
};

describe("requests", () => {
  it("turns MNP details into PA05-41's mnp block", () => {
    expect(toFreebitMnp(mnp)).toEqual({
      reserveNumber: "1234567890",
      reserveExpireDate: "20260410",
      lastnameKanji: "山田",
      firstnameKanji: "太郎",
      lastnameZenKana: "ヤマダ",
      firstnameZenKana: "タロウ",
      gender: "W",
      birthday: "19900101",
    });
  });

  it("asks for an eSIM as MNP (addKind M) or new (N), never operated by Aladin, under the master account, with delivery code and ship date", () => {
    const base = {
      requestKey: "801A:1",
      planCode: "P",
      simType: "esim",
      eid: "1".repeat(32),
      shipDate: "2026-04-01",
    } as const;
    expect(toAddEsimAccountRequest({ ...base, mnp }, contract)).toMatchObject({
      masterAccount: "AAA0_00000000001",
      masterPassword: "pw",
      simKind: "esim",
      deliveryCode: "DLV01",
      shipDate: "20260401",
      aladinOperated: "20",
      addKind: "M",
      contractLine: "4G",
      mnp: { gender: "W" },
    });
    expect(toAddEsimAccountRequest({ ...base, mnp: null }, contract)).not.toHaveProperty("mnp");
    expect(() => toAddEsimAccountRequest({ ...base, eid: null, mnp: null }, contract)).toThrow(
      /EID/,
    );
  });

  it("asks for a physical SIM through PA02-01's requestDatas under the master account, with delivery code and ship date", () => {
    expect(
      toAddAccountRequest(
        {
          requestKey: "801A:2",
          planCode: "P",
          simType: "physical",
          eid: null,
          mnp: null,
          account: "08011112222",
          shipDate: "2026-04-01",
        },
        contract,
      ),
    ).toEqual({
      masterAccount: "AAA0_00000000001",
      masterPassword: "pw",
      relationCode: "REL01",
      createType: "new",
      requestKey: "801A:2",
      simKind: "sim",
      deliveryCode: "DLV01",
      shipDate: "20260401",
      requestDatas: [{ kind: "MVNO", account: "08011112222", planCode: "P" }],
    });
  });
});

describe("answers", () => {
  it("reads a numeric resultCode and the status block of the envelope", () => {
    expect(
      freebitEnvelopeSchema.parse({ resultCode: 100, status: { message: "OK", statusCode: 200 } }),
    ).toMatchObject({ resultCode: "100", status: { statusCode: "200" } });
  });

  it("maps a getDetail account to an MvnoLine", () => {
    const answer = getDetailResponseSchema.parse({
      resultCode: "100",
      status: { message: "OK", statusCode: "200" },
      account: {
        kind: "MVNO",
        account: "07012340002",
        iccid: "8981100000000000022",
        eid: "",
        simKind: "sim",
        planCode: "DATA_5GB",
        state: "active",
        startDate: "20260131",
        contractLine: "4G",
      },
    });
    expect(toMvnoLine(answer.account)).toEqual({
      account: "07012340002",
      simType: "physical",
      iccid: "8981100000000000022",
      eid: null,
      planCode: "DATA_5GB",
      state: "active",
      startedOn: "2026-01-31",
    });
    expect(() => toMvnoLine({ ...answer.account, startDate: "2026-01-31" })).toThrow();
  });

  it("maps getActivation to a SimActivation", () => {
    const { activation } = getActivationResponseSchema.parse({
      resultCode: "100",
      activation: {
        requestKey: "801A:1",
        account: "07012350001",
        simKind: "esim",
        state: "failed",
        errorCode: "510",
        acceptedAt: "2026-03-31T03:00:00.000Z",
        completedAt: "2026-03-31T03:01:00.000Z",
      },
    });
    expect(toSimActivation(activation)).toEqual({
      requestKey: "801A:1",
      account: "07012350001",
      simType: "esim",
      state: "failed",
      errorCode: "510",
      acceptedAt: "2026-03-31T03:00:00.000Z",
      completedAt: "2026-03-31T03:01:00.000Z",
    });
  });
});
