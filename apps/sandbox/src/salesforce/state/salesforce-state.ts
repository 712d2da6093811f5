import { z } from "zod";
import type { StateDefinition } from "../../state/versioned-store.js";
import { withValidChecksum } from "../model/record-id.js";
import { changeLogSchema } from "../changes/change-event.js";
import {
  MIGRATION_CUSTOMER_NUMBER,
  migrationAccount,
  SEEDED_CONTACT_READINGS,
  SIM_CUSTOMER_NUMBER,
  simCustomerAccount,
} from "../seed/salesforce-seed.js";
import { catalogSeed } from "../seed/catalog-seed.js";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A Salesforce field value as the REST API carries it in JSON. */
export const sfValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type SfValue = z.infer<typeof sfValueSchema>;

/** One Salesforce record: field API name → value; always has `Id` and `IsDeleted`. */
export const sfRecordSchema = z.record(z.string(), sfValueSchema);
export type SfRecord = z.infer<typeof sfRecordSchema>;

/**
 * The Salesforce stand-in's persisted state (`<dataDir>/salesforce.json`): records by sObject
 * type (deleted ones stay, `IsDeleted: true`, as in the Recycle Bin, for `queryAll`), the
 * sequence behind new ids, ids renamed by an upgrade, and the change log.
 */
export const salesforceStateSchema = z.object({
  seedDate: isoDate,
  /** sObject type name (e.g. `Account`) → its records, in creation order. */
  records: z.record(z.string(), z.array(sfRecordSchema)),
  /** Sequence behind generated record ids, so ids stay unique across restarts. */
  nextIdSequence: z.number().int().positive(),
  /**
   * Old id → current id, for ids an upgrade rewrote (version 1 seeded ids with an invalid case
   * checksum). Clients that stored an old id (the BFF's mappings) still reach the record.
   */
  idAliases: z.record(z.string(), z.string()),
  changeLog: changeLogSchema,
});
export type SalesforceState = z.infer<typeof salesforceStateSchema>;

/** The state as versions 2 to 5 wrote it: the change log had no platform events yet. */
const beforeVersion6Schema = salesforceStateSchema.extend({
  changeLog: changeLogSchema.partial({ platformEvents: true }),
});

const version1Schema = z.looseObject({
  seedDate: isoDate,
  records: z.record(z.string(), z.array(sfRecordSchema)),
  nextIdSequence: z.number().int().positive(),
});

/**
 * Version 1 → 2: every 18-character id whose case checksum is wrong (the v1 seed's
 * `001DEMO00000001AAA`) gets its correct suffix, everywhere it appears (ids and lookups), with
 * the old id kept in `idAliases`; the change log starts empty.
 */
function upgradeFrom1(previous: unknown): unknown {
  const v1 = version1Schema.parse(previous);
  const aliases: Record<string, string> = {};
  for (const records of Object.values(v1.records)) {
    for (const record of records) {
      if (typeof record.Id !== "string") continue;
      const fixed = withValidChecksum(record.Id);
      if (fixed !== record.Id) aliases[record.Id] = fixed;
    }
  }
  const records = Object.fromEntries(
    Object.entries(v1.records).map(([type, list]) => [
      type,
      list.map((record) =>
        Object.fromEntries(
          Object.entries(record).map(([field, value]) => [
            field,
            typeof value === "string" ? (aliases[value] ?? value) : value,
          ]),
        ),
      ),
    ]),
  );
  return {
    ...v1,
    records,
    idAliases: aliases,
    changeLog: { nextReplayId: 1, events: [] },
  };
}

/**
 * Version 2 → 3: Account 100004 (the migration customer, WHMCS #100) and its Contact join the
 * demo data, unless an Account already has that customer number.
 */
function upgradeFrom2(previous: unknown): unknown {
  const v2 = beforeVersion6Schema.parse(previous);
  return withSeededAccount(v2, MIGRATION_CUSTOMER_NUMBER, migrationAccount(v2.seedDate));
}

/**
 * `state` with a seeded Account and its Contact appended, unless an Account already has
 * `customerNumber` (`SF_Account_No__c`); for the upgrades that bring a new demo customer.
 */
function withSeededAccount<S extends Pick<SalesforceState, "records">>(
  state: S,
  customerNumber: string,
  seeded: { account: SfRecord; contact: SfRecord },
): S {
  const accounts = state.records.Account ?? [];
  if (accounts.some((record) => record.SF_Account_No__c === customerNumber)) return state;
  return {
    ...state,
    records: {
      ...state.records,
      Account: [...accounts, seeded.account],
      Contact: [...(state.records.Contact ?? []), seeded.contact],
    },
  };
}

/**
 * Version 3 → 4: the Contact fields `LastNameKana__c` / `FirstNameKana__c` arrive; the seeded
 * Contacts get their readings unless the fields already hold something, every other Contact
 * leaves them unset (null on read).
 */
function upgradeFrom3(previous: unknown): unknown {
  const v3 = beforeVersion6Schema.parse(previous);
  const contacts = (v3.records.Contact ?? []).map((contact) => {
    const reading =
      typeof contact.Id === "string" ? SEEDED_CONTACT_READINGS[contact.Id] : undefined;
    return reading
      ? { LastNameKana__c: reading[0], FirstNameKana__c: reading[1], ...contact }
      : contact;
  });
  return { ...v3, records: { ...v3.records, Contact: contacts } };
}

/**
 * Version 4 → 5: the product catalog arrives (Product2, Pricebook2, PricebookEntry): each type the
 * state has no records of yet gets the seeded ones ({@link catalogSeed}); types already present are
 * left as they are.
 */
function upgradeFrom4(previous: unknown): unknown {
  const v4 = beforeVersion6Schema.parse(previous);
  const catalog = Object.entries(catalogSeed(v4.seedDate)).filter(
    ([type]) => (v4.records[type] ?? []).length === 0,
  );
  return { ...v4, records: { ...v4.records, ...Object.fromEntries(catalog) } };
}

/** Version 5 → 6: the change log keeps platform events too; it starts with none. */
function upgradeFrom5(previous: unknown): unknown {
  const v5 = beforeVersion6Schema.parse(previous);
  return { ...v5, changeLog: { ...v5.changeLog, platformEvents: [] } };
}

/**
 * Version 6 → 7: Product2 gains `Name_En__c` and `Description_En__c`, and the seeded products are
 * named in Japanese (decision 0064). A seeded product whose `Name` / `Description` is still the
 * English text the earlier seed wrote gets the Japanese text with the English moved to the new
 * field; one edited since keeps its text, and it and every other product leave the new fields
 * unset (null on read; the portal then shows `Name` in both languages).
 */
function upgradeFrom6(previous: unknown): unknown {
  const v6 = salesforceStateSchema.parse(previous);
  if (!v6.records.Product2) return v6;
  const seeded = new Map(
    (catalogSeed(v6.seedDate).Product2 ?? []).map((record) => [record.Id, record]),
  );
  const products = v6.records.Product2.map((product) => {
    const seed = typeof product.Id === "string" ? seeded.get(product.Id) : undefined;
    if (!seed) return product;
    const upgraded = { ...product };
    if (product.Name === seed.Name_En__c) {
      Object.assign(upgraded, { Name: seed.Name, Name_En__c: seed.Name_En__c });
    }
    if (product.Description === seed.Description_En__c) {
      Object.assign(upgraded, {
        Description: seed.Description,
        Description_En__c: seed.Description_En__c,
      });
    }
    return upgraded;
  });
  return { ...v6, records: { ...v6.records, Product2: products } };
}

/**
 * Version 7 → 8: Account 100005 (Mei Ito, the customer who signs up and orders a SIM) and its
 * Contact join the demo data, unless an Account already has that customer number.
 */
function upgradeFrom7(previous: unknown): unknown {
  const v7 = salesforceStateSchema.parse(previous);
  return withSeededAccount(v7, SIM_CUSTOMER_NUMBER, simCustomerAccount(v7.seedDate));
}

/** The Salesforce stand-in's state file and its upgrade steps. */
export const SALESFORCE_STATE: StateDefinition<SalesforceState> = {
  fileName: "salesforce.json",
  version: 8,
  schema: salesforceStateSchema,
  upgrades: {
    1: upgradeFrom1,
    2: upgradeFrom2,
    3: upgradeFrom3,
    4: upgradeFrom4,
    5: upgradeFrom5,
    6: upgradeFrom6,
    7: upgradeFrom7,
  },
};
