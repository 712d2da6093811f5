import { freebitConsolePanel } from "../freebit/console/freebit-console-panel.js";
import { freebitPlugin } from "../freebit/freebit-plugin.js";
import { freebitSeed } from "../freebit/seed/freebit-seed.js";
import { salesforceConsolePanel } from "../salesforce/console/salesforce-console-panel.js";
import { salesforcePlugin } from "../salesforce/salesforce-plugin.js";
import { salesforceSeed } from "../salesforce/seed/salesforce-seed.js";
import { whmcsConsolePanel } from "../whmcs/console/whmcs-console-panel.js";
import { whmcsSeed } from "../whmcs/seed/whmcs-seed.js";
import { whmcsPlugin } from "../whmcs/whmcs-plugin.js";
import type { StandIn } from "./stand-in.js";
import { UPSTREAM_SYSTEMS, type UpstreamSystem } from "./upstream-system.js";

/** Each system's stand-in; the `Record` type makes every entry of `UPSTREAM_SYSTEMS` supply one. */
const BY_SYSTEM: Readonly<Record<UpstreamSystem, Omit<StandIn, "system">>> = {
  whmcs: {
    title: "WHMCS",
    routes: whmcsPlugin,
    consolePanel: whmcsConsolePanel,
    reseed: (services, seedDate) => services.whmcsState.replace(whmcsSeed(seedDate)),
  },
  salesforce: {
    title: "Salesforce",
    routes: salesforcePlugin,
    consolePanel: (services) => salesforceConsolePanel(services),
    // The change log outlives a reseed: replay ids never go back, as on a real org.
    reseed: (services, seedDate) => {
      const { changeLog } = services.salesforceState.state;
      return services.salesforceState.replace({ ...salesforceSeed(seedDate), changeLog });
    },
  },
  freebit: {
    title: "Freebit",
    routes: freebitPlugin,
    consolePanel: (services) => freebitConsolePanel(services),
    reseed: async (services, seedDate) => {
      services.freebitAuthKeys.expireAll();
      await services.freebitState.replace(freebitSeed(seedDate));
    },
  },
};

/**
 * The stand-ins the sandbox runs, in `UPSTREAM_SYSTEMS` (console) order. Pub/Sub and the mail
 * server are added here.
 */
export const STAND_INS: readonly StandIn[] = UPSTREAM_SYSTEMS.map((system) => ({
  system,
  ...BY_SYSTEM[system],
}));
