import type { FreebitState } from "../state/freebit-state.js";

/**
 * The Freebit demo data for `seedDate` (`YYYY-MM-DD`): the data SIM of WHMCS client #2 (service
 * #2, "SIM Data Only 5GB"), number 07012340002, physical, active since two months before the seed
 * date. New lines get numbers from 07012350001 on [A: the real platform takes the number in the
 * request].
 */
export function freebitSeed(seedDate: string): FreebitState {
  const started = new Date(`${seedDate}T00:00:00Z`);
  started.setUTCMonth(started.getUTCMonth() - 2);
  return {
    seedDate,
    lines: [
      {
        account: "07012340002",
        simKind: "sim",
        iccid: "8981100000000000022",
        eid: "",
        planCode: "DATA_5GB",
        state: "active",
        startDate: started.toISOString().slice(0, 10).replaceAll("-", ""),
        contractLine: "4G",
      },
    ],
    activations: [],
    nextNumber: 7_012_350_001,
  };
}
