import { type SimType } from "@portal/domain";
import { type FreebitAccountDetail, type FreebitAccountState } from "../raw/account.js";

/**
 * A mobile line on Freebit in plain terms: its number (11 digits), SIM type, ICCID or EID, plan
 * code, state and start date (`YYYY-MM-DD`, null while pending).
 */
export interface MvnoLine {
  account: string;
  simType: SimType;
  iccid: string | null;
  eid: string | null;
  planCode: string;
  state: FreebitAccountState;
  startedOn: string | null;
}

/** `YYYYMMDD` → `YYYY-MM-DD`; empty or absent → null. @throws Error on any other text */
export function fromFreebitDate(date: string | undefined): string | null {
  if (date === undefined || date === "") return null;
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(date);
  if (!match) throw new Error(`Not a Freebit date: ${date}`);
  return `${match[1]}-${match[2]}-${match[3]}`;
}

/** `/mvno/getDetail/` `account` → `MvnoLine`. Source: contract.ts `getDetail` [A]. */
export function toMvnoLine(detail: FreebitAccountDetail): MvnoLine {
  return {
    account: detail.account,
    simType: detail.simKind === "esim" ? "esim" : "physical",
    iccid: detail.iccid || null,
    eid: detail.eid || null,
    planCode: detail.planCode,
    state: detail.state,
    startedOn: fromFreebitDate(detail.startDate),
  };
}
