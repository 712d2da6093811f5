import { salesforcePlugin } from "../salesforce/salesforce-plugin.js";
import { salesforceSeed } from "../salesforce/seed/salesforce-seed.js";
import { whmcsSeed } from "../whmcs/seed/whmcs-seed.js";
import { whmcsPlugin } from "../whmcs/whmcs-plugin.js";
import type { StandIn } from "./stand-in.js";

/**
 * The stand-ins the sandbox runs, in console order. Pub/Sub, Freebit and the mail server are
 * added here.
 */
export const STAND_INS: readonly StandIn[] = [
  {
    system: "whmcs",
    routes: whmcsPlugin,
    reseed: (services, seedDate) => services.whmcsState.replace(whmcsSeed(seedDate)),
  },
  {
    system: "salesforce",
    routes: salesforcePlugin,
    // The change log outlives a reseed: replay ids never go back, as on a real org.
    reseed: (services, seedDate) => {
      const { changeLog } = services.salesforceState.state;
      return services.salesforceState.replace({ ...salesforceSeed(seedDate), changeLog });
    },
  },
];
