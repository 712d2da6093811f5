/*
 * THE table of the Freebit (MVNO "emptool") API as this client uses it: every path and every
 * result code, each marked [S] — documented, with where — or [A] — assumed for the sandbox
 * contract until Freebit's specification is at hand (decision 0061). Check this file against the
 * provider's specification before going live; the client and the sandbox read their paths and
 * codes from here and nowhere else.
 * Sources: /work/shared/reference/vendor-facts.md §5 (translated Freebit "PAxx-yy" pages in the
 * public repository repo.astestinground.org/ankhbayar/Assist_Design `freebit-api-docs/`, the
 * seed's docs/FREEBIT-SIM-MANAGEMENT.md, third-party code calling i1.mvno.net/emptool/api).
 */

/** Whether a row is documented ([S]) or assumed ([A]). */
export type ContractBasis = "S" | "A";

/** One path: where it is, what it does, and the request/response fields this client relies on. */
export interface FreebitPathRow {
  /** Under `FREEBIT_API_BASE_URL` (…/emptool/api), with the trailing slash Freebit uses. */
  readonly path: string;
  /** Freebit's document code, null when the call is assumed. */
  readonly code: string | null;
  readonly basis: ContractBasis;
  /** Request JSON fields besides `authKey`, [A] marking assumed ones. */
  readonly request: string;
  /** Response fields besides the envelope, [A] marking assumed ones. */
  readonly response: string;
  readonly source: string;
}

/** The paths, by the name the client uses. */
export const FREEBIT_PATHS = {
  authOem: {
    path: "/authOem/",
    code: "PA01-01",
    basis: "S",
    request: "oemId, oemKey (no authKey)",
    response: "authKey; validity 60 min [A]",
    source: "seed doc endpoint list; third-party code",
  },
  getDetail: {
    path: "/mvno/getDetail/",
    code: "PA03-02",
    basis: "S",
    request: 'requestDatas: [{ kind: "MVNO", account }] (one honoured), version: "2"',
    response:
      "account { kind, account, iccid [A], eid [A], simKind [A] sim|esim, planCode, state [A] pending|active|suspended|cancelled, startDate [A] YYYYMMDD, contractLine [A] }",
    source: "Gitea PA03-02 (request); response fields not readable, all [A]",
  },
  addAccount: {
    path: "/master/addAcnt/",
    code: "PA02-01",
    basis: "S",
    request:
      'masterAccount, masterPassword, relationCode, createType: "new", requestDatas: [{ kind: "MVNO", account (omitted: a number is assigned [A]), planCode, mnp [A] }]; simKind "sim", deliveryCode, shipDate YYYYMMDD (documented for PA05-41; at the top level here [A]); requestKey [A]',
    response:
      "account [A], activation { requestKey, state } [A]; completes asynchronously (≤ 10 min)",
    source: "Gitea PA02-01; third-party payload",
  },
  addEsimAccount: {
    path: "/mvno/esim/addAcnt/",
    code: "PA05-41",
    basis: "S",
    request:
      'masterAccount, masterPassword, simKind ("esim" [A]), deliveryCode, shipDate YYYYMMDD, aladinOperated "20", createType "new", eid, addKind N (new) | M (MNP), account (omitted: assigned [A]), planCode, contractLine, mnp { reserveNumber, reserveExpireDate, lastnameKanji, firstnameKanji, lastnameZenKana, firstnameZenKana, gender M|W|C, birthday }, requestKey [A]',
    response:
      'account [A], activation { requestKey, state } [A]; completes asynchronously (Freebit: "eSIM request completion notification file")',
    source: "Gitea PA05-41; third-party interface",
  },
  getActivation: {
    path: "/mvno/getActivation/",
    code: null,
    basis: "A",
    request: "requestKey",
    response:
      "activation { requestKey, account, simKind, state processing|completed|failed, errorCode, acceptedAt, completedAt }",
    source:
      "assumed: the real platform reports completion by a CSV notification file, which the sandbox replaces with this query",
  },
} as const satisfies Readonly<Record<string, FreebitPathRow>>;

/** A path's name in {@link FREEBIT_PATHS}. */
export type FreebitPath = keyof typeof FREEBIT_PATHS;

/** One result code: `resultCode` and, where it matters, `status.statusCode`. */
export interface FreebitResultCodeRow {
  readonly resultCode: string;
  readonly statusCode: string | null;
  readonly meaning: string;
  readonly basis: ContractBasis;
  readonly source: string;
}

/** The result codes, by the name the client uses. */
export const FREEBIT_RESULT_CODES = {
  ok: {
    resultCode: "100",
    statusCode: null,
    meaning: "success",
    basis: "S",
    source: 'every third-party client checks resultCode "100"',
  },
  authFailed: {
    resultCode: "200",
    statusCode: "210",
    meaning: "authOem refused: wrong oemId / oemKey",
    basis: "A",
    source: "vendor-facts §5.5",
  },
  authKeyExpired: {
    resultCode: "201",
    statusCode: null,
    meaning: "authKey unknown or expired: call authOem again",
    basis: "A",
    source: "vendor-facts §5.5 (authKey expiry forcing re-auth)",
  },
  accountNotFound: {
    resultCode: "210",
    statusCode: null,
    meaning: "no such account (or activation request key)",
    basis: "A",
    source: "vendor-facts §5.5",
  },
  accountBusy: {
    resultCode: "220",
    statusCode: null,
    meaning: "another request for this account is still being processed",
    basis: "A",
    source: "one request per account at a time is documented for PA05-38; the code is assumed",
  },
  requestConflict: {
    resultCode: "230",
    statusCode: null,
    meaning: "the account or request key is already used by a different request",
    basis: "A",
    source: "sandbox idempotency rule (decision 0061)",
  },
  invalidRequest: {
    resultCode: "400",
    statusCode: null,
    meaning: "a field is missing or malformed (status.statusCode names the detail, e.g. 400-356)",
    basis: "S",
    source: "Gitea PA05-33 / PA05-41 (400-356 unsupported pattern); the field-level codes are [A]",
  },
} as const satisfies Readonly<Record<string, FreebitResultCodeRow>>;

/** One SIM plan the portal sells and the Freebit plan code it is provisioned with. */
export interface FreebitPlanCodeRow {
  /** `voice` (Data+Voice) or `data` (Data Only), as Product2 `SIM_Plan_Type__c` says. */
  readonly planType: "voice" | "data";
  /** Data per month in GB (Product2 `SIM_Data_Size__c`). */
  readonly dataSizeGb: number;
  readonly planCode: string;
  readonly basis: ContractBasis;
}

/**
 * The plan codes of the portal's SIM plans (decision 0068), all [A]: Freebit assigns plan codes
 * per MVNO contract (the documents show the form `LTE3G_P01`), so the real ones come with the
 * contract and replace these; the sandbox accepts these. A plan missing here cannot be activated.
 */
export const FREEBIT_PLAN_CODES: readonly FreebitPlanCodeRow[] = [
  ...[2, 5, 10, 20, 50].map((dataSizeGb) => ({
    planType: "voice" as const,
    dataSizeGb,
    planCode: `VOICE_${dataSizeGb}GB`,
    basis: "A" as const,
  })),
  ...[2, 5, 10, 20, 50, 100].map((dataSizeGb) => ({
    planType: "data" as const,
    dataSizeGb,
    planCode: `DATA_${dataSizeGb}GB`,
    basis: "A" as const,
  })),
];

/** The plan code of a SIM plan (see {@link FREEBIT_PLAN_CODES}), or null when it has none. */
export function freebitPlanCode(plan: {
  planType: "voice" | "data";
  dataSizeGb: number;
}): string | null {
  return (
    FREEBIT_PLAN_CODES.find(
      (row) => row.planType === plan.planType && row.dataSizeGb === plan.dataSizeGb,
    )?.planCode ?? null
  );
}
