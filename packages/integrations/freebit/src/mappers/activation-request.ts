import { type MnpDetails, type SimType } from "@portal/domain";
import { type FreebitContract } from "../core/config.js";
import {
  type AddAccountRequest,
  type AddEsimAccountRequest,
  type FreebitMnp,
} from "../raw/activation.js";

/** What activating one SIM line needs. */
export interface SimActivationRequest {
  /**
   * The caller's idempotency key for this line, e.g. `<Salesforce Order id>:<OrderItem id>`: the
   * same key never activates a second line (decision 0061).
   */
  requestKey: string;
  /** Freebit plan code (e.g. `LTE3G_P01`). */
  planCode: string;
  simType: SimType;
  /** The device's EID (32 digits) for an eSIM; null for a physical SIM. */
  eid: string | null;
  /** Number portability data when the customer brings a number, else null. */
  mnp: MnpDetails | null;
  /** The line's number when the caller has one; otherwise Freebit assigns one [A]. */
  account?: string;
  /** eSIM contract line; default `"4G"`. */
  contractLine?: "4G" | "5G";
  /**
   * The ship date both registrations carry, `YYYY-MM-DD` (Japan's calendar): when the SIM card
   * ships; for an eSIM the day it is requested (PA05-41 documents `shipDate` for eSIMs too).
   */
  shipDate: string;
}

const GENDER: Readonly<Record<MnpDetails["gender"], FreebitMnp["gender"]>> = {
  male: "M",
  female: "W",
  corporate: "C",
};

/** `YYYY-MM-DD` → `YYYYMMDD`, the form Freebit dates take. */
function toFreebitDate(date: string): string {
  return date.replaceAll("-", "");
}

/** The portal's MNP details → PA05-41 `mnp` [S]. */
export function toFreebitMnp(mnp: MnpDetails): FreebitMnp {
  return {
    reserveNumber: mnp.reservationNumber,
    reserveExpireDate: toFreebitDate(mnp.expiresOn),
    lastnameKanji: mnp.lastName,
    firstnameKanji: mnp.firstName,
    lastnameZenKana: mnp.lastNameKana,
    firstnameZenKana: mnp.firstNameKana,
    gender: GENDER[mnp.gender],
    birthday: toFreebitDate(mnp.birthdate),
  };
}

/**
 * `/master/addAcnt/` (PA02-01) body for a physical SIM under the MVNO `contract`, shipped on
 * `request.shipDate` to the contract's delivery code.
 */
export function toAddAccountRequest(
  request: SimActivationRequest,
  contract: FreebitContract,
): AddAccountRequest {
  return {
    masterAccount: contract.masterAccount,
    masterPassword: contract.masterPassword,
    relationCode: contract.relationCode,
    createType: "new",
    requestKey: request.requestKey,
    simKind: "sim",
    deliveryCode: contract.deliveryCode,
    shipDate: toFreebitDate(request.shipDate),
    requestDatas: [
      {
        kind: "MVNO",
        ...(request.account ? { account: request.account } : {}),
        planCode: request.planCode,
        ...(request.mnp ? { mnp: toFreebitMnp(request.mnp) } : {}),
      },
    ],
  };
}

/**
 * `/mvno/esim/addAcnt/` (PA05-41) body under the MVNO `contract`, with the contract's delivery
 * code and `request.shipDate` as PA05-41 documents them: `addKind` M with MNP data, N otherwise;
 * not operated by Aladin (`"20"`: `"10"` with `addKind` ≠ N is refused with 400-356).
 * @throws Error when the request has no EID
 */
export function toAddEsimAccountRequest(
  request: SimActivationRequest,
  contract: FreebitContract,
): AddEsimAccountRequest {
  if (!request.eid) throw new Error("An eSIM activation needs the device's EID");
  return {
    masterAccount: contract.masterAccount,
    masterPassword: contract.masterPassword,
    simKind: "esim",
    deliveryCode: contract.deliveryCode,
    shipDate: toFreebitDate(request.shipDate),
    aladinOperated: "20",
    createType: "new",
    requestKey: request.requestKey,
    eid: request.eid,
    addKind: request.mnp ? "M" : "N",
    ...(request.account ? { account: request.account } : {}),
    planCode: request.planCode,
    contractLine: request.contractLine ?? "4G",
    ...(request.mnp ? { mnp: toFreebitMnp(request.mnp) } : {}),
  };
}
