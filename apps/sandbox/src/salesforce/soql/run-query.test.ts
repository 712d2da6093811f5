import { describe, expect, it } from "vitest";
import type { SfRecord } from "../state/salesforce-state.js";
import { SalesforceApiError } from "../salesforce-error.js";
import type { RecordSource } from "../model/sobject-records.js";
import { runQuery } from "./run-query.js";

const stamp = (month: string): string => `2025-${month}-10T00:00:00.000+0000`;

const ACCOUNTS: SfRecord[] = [
  {
    Id: "001DEMO00000001AAA",
    Name: "Taro Yamada",
    SF_Account_No__c: "100001",
    WH_Account__c: "1",
    Portal_Status__c: "Active",
    BillingState: "Tokyo",
    IsDeleted: false,
    CreatedDate: stamp("01"),
  },
  {
    Id: "001DEMO00000002AAA",
    Name: "Hanako Suzuki",
    SF_Account_No__c: "100002",
    WH_Account__c: null,
    Portal_Status__c: "Not Yet",
    BillingState: "Kanagawa",
    IsDeleted: false,
    CreatedDate: stamp("02"),
  },
  {
    Id: "001DEMO00000003AAA",
    Name: "Kenji Tanaka",
    SF_Account_No__c: "100003",
    WH_Account__c: null,
    Portal_Status__c: "Not Yet",
    BillingState: null,
    IsDeleted: false,
    CreatedDate: stamp("03"),
  },
  {
    Id: "001DEMO00000004AAA",
    Name: "Tarou O'Brien",
    SF_Account_No__c: "100010",
    WH_Account__c: "7",
    Portal_Status__c: "Active",
    BillingState: "Osaka",
    IsDeleted: true,
    CreatedDate: stamp("04"),
  },
];
const CONTACTS: SfRecord[] = [
  {
    Id: "003DEMO00000001AAA",
    AccountId: "001DEMO00000001AAA",
    FirstName: "Taro",
    LastName: "Yamada",
    Email: "demo@example.com",
    Phone: null,
    CreatedDate: stamp("01"),
  },
  {
    Id: "003DEMO00000002AAA",
    AccountId: "001DEMO00000002AAA",
    FirstName: null,
    LastName: "Suzuki",
    Email: "hanako@example.org",
    Phone: null,
    CreatedDate: stamp("02"),
  },
  {
    Id: "003DEMO00000009AAA",
    AccountId: null,
    FirstName: "Lone",
    LastName: "Contact",
    Email: null,
    Phone: null,
    CreatedDate: stamp("03"),
  },
];

const source: RecordSource = {
  list: (type) => (type === "Account" ? ACCOUNTS : type === "Contact" ? CONTACTS : []),
  resolveId: (id) => id,
};

/** 12:00 in Tokyo on 2025-03-10 (a Monday), the integration user's time zone. */
const NOW = new Date("2025-03-10T03:00:00Z");

const query = (soql: string) => runQuery(soql, source, "62.0", { now: NOW });
const numbers = (soql: string) => query(soql).records.map((record) => record.SF_Account_No__c);
const failure = (soql: string): SalesforceApiError => {
  try {
    query(soql);
  } catch (error) {
    if (error instanceof SalesforceApiError) return error;
    throw error;
  }
  throw new Error(`expected ${soql} to fail`);
};

describe("runQuery", () => {
  it("answers jsforce's customer-number lookup with the selected fields and record attributes", () => {
    const result = query(
      "SELECT Id, Name, SF_Account_No__c FROM Account WHERE SF_Account_No__c = '100001' LIMIT 2",
    );
    expect(result).toEqual({
      offset: false,
      totalSize: 1,
      done: true,
      records: [
        {
          attributes: {
            type: "Account",
            url: "/services/data/v62.0/sobjects/Account/001DEMO00000001AAA",
          },
          Id: "001DEMO00000001AAA",
          Name: "Taro Yamada",
          SF_Account_No__c: "100001",
        },
      ],
    });
  });

  it("answers the portal's exact Account and Contact queries", () => {
    const account = query(
      "SELECT Id, Name, SF_Account_No__c, Portal_Status__c, WH_Account__c, Portal_Registration_Source__c FROM Account WHERE SF_Account_No__c = '100002' LIMIT 2",
    );
    expect(account.records[0]).toMatchObject({
      Portal_Status__c: "Not Yet",
      WH_Account__c: null,
      Portal_Registration_Source__c: null,
    });
    const contact = query(
      "SELECT Id, AccountId, FirstName, LastName, Email, Phone FROM Contact WHERE AccountId = '001DEMO00000001AAA' ORDER BY CreatedDate ASC LIMIT 1",
    );
    expect(contact.records.map((record) => record.Id)).toEqual(["003DEMO00000001AAA"]);
  });

  it("evaluates jsforce's combined filter with IN, LIKE, OR, null tests, ordering and offset", () => {
    const result = query(
      "SELECT Id, Account.Name FROM Contact WHERE Account.SF_Account_No__c IN ('100001', '100002') AND Email LIKE '%example.com' AND (FirstName = null OR LastName != 'X') ORDER BY CreatedDate DESC LIMIT 5 OFFSET 0",
    );
    expect(result.records).toEqual([
      {
        attributes: {
          type: "Contact",
          url: "/services/data/v62.0/sobjects/Contact/003DEMO00000001AAA",
        },
        Id: "003DEMO00000001AAA",
        Account: {
          attributes: {
            type: "Account",
            url: "/services/data/v62.0/sobjects/Account/001DEMO00000001AAA",
          },
          Name: "Taro Yamada",
        },
      },
    ]);
  });

  it.each([
    ["SF_Account_No__c = '100003'", ["100003"]],
    ["SF_Account_No__c != '100003'", ["100001", "100002", "100010"]],
    ["SF_Account_No__c < '100002'", ["100001"]],
    ["SF_Account_No__c <= '100002'", ["100001", "100002"]],
    ["SF_Account_No__c > '100003'", ["100010"]],
    ["SF_Account_No__c >= '100003'", ["100003", "100010"]],
    ["SF_Account_No__c IN ('100001', '100010')", ["100001", "100010"]],
    ["SF_Account_No__c NOT IN ('100001', '100010')", ["100002", "100003"]],
    ["Name LIKE 'tar%'", ["100001", "100010"]],
    ["Name LIKE '_anako%'", ["100002"]],
    ["Name LIKE '%O\\'Brien'", ["100010"]],
    ["Portal_Status__c = 'active'", ["100001", "100010"]],
    ["WH_Account__c = null", ["100002", "100003"]],
    ["WH_Account__c != null", ["100001", "100010"]],
    ["WH_Account__c = '1'", ["100001"]],
    ["BillingState != 'Tokyo'", ["100002", "100003", "100010"]],
    ["BillingState > 'A'", ["100001", "100002", "100010"]],
    ["IsDeleted = true", ["100010"]],
    ["CreatedDate > 2025-02-10T00:00:00Z", ["100003", "100010"]],
    ["Portal_Status__c = 'Active' AND WH_Account__c = '7'", ["100010"]],
    ["Portal_Status__c = 'Active' OR BillingState = 'Kanagawa'", ["100001", "100002", "100010"]],
    ["NOT Portal_Status__c = 'Active'", ["100002", "100003"]],
    ["NOT (Portal_Status__c = 'Active' OR BillingState = null)", ["100002"]],
    [
      "(SF_Account_No__c = '100001' OR SF_Account_No__c = '100002') AND Portal_Status__c = 'Not Yet'",
      ["100002"],
    ],
    [
      "SF_Account_No__c = '100001' OR SF_Account_No__c = '100002' AND Portal_Status__c = 'Not Yet'",
      ["100001", "100002"],
    ],
  ])("WHERE %s", (where, expected) => {
    expect(
      numbers(`SELECT SF_Account_No__c FROM Account WHERE ${where} ORDER BY SF_Account_No__c`),
    ).toEqual(expected);
  });

  it("treats field and object names case-insensitively and answers with canonical names", () => {
    const [record] = query(
      "select name, sf_account_no__c from account where SF_ACCOUNT_NO__C = '100001'",
    ).records;
    expect(record).toMatchObject({
      attributes: { type: "Account" },
      Name: "Taro Yamada",
      SF_Account_No__c: "100001",
    });
  });

  it("orders by several keys with NULLS FIRST/LAST and defaults nulls first ascending, last descending", () => {
    expect(numbers("SELECT SF_Account_No__c FROM Account ORDER BY BillingState")).toEqual([
      "100003",
      "100002",
      "100010",
      "100001",
    ]);
    expect(numbers("SELECT SF_Account_No__c FROM Account ORDER BY BillingState DESC")).toEqual([
      "100001",
      "100010",
      "100002",
      "100003",
    ]);
    expect(
      numbers("SELECT SF_Account_No__c FROM Account ORDER BY BillingState ASC NULLS LAST"),
    ).toEqual(["100002", "100010", "100001", "100003"]);
    expect(
      numbers("SELECT SF_Account_No__c FROM Account ORDER BY Portal_Status__c DESC, Name ASC"),
    ).toEqual(["100002", "100003", "100001", "100010"]);
  });

  it("orders by a relationship field and sets an empty parent to null", () => {
    const result = query(
      "SELECT LastName, Account.Name FROM Contact ORDER BY Account.Name DESC NULLS LAST",
    );
    expect(result.records.map((record) => record.LastName)).toEqual([
      "Yamada",
      "Suzuki",
      "Contact",
    ]);
    expect(result.records[2]?.Account).toBeNull();
  });

  it("applies LIMIT and OFFSET after ordering, and totalSize counts the returned records", () => {
    const result = query(
      "SELECT SF_Account_No__c FROM Account ORDER BY SF_Account_No__c LIMIT 2 OFFSET 1",
    );
    expect(result.totalSize).toBe(2);
    expect(result.records.map((record) => record.SF_Account_No__c)).toEqual(["100002", "100003"]);
  });

  it("answers SELECT COUNT() with totalSize and no records", () => {
    expect(query("SELECT COUNT() FROM Account WHERE Portal_Status__c = 'Not Yet'")).toEqual({
      totalSize: 2,
      done: true,
      records: [],
      offset: false,
    });
  });

  it("reports an unknown column as INVALID_FIELD naming the field and the entity", () => {
    const error = failure("SELECT Id, Foo__c FROM Account");
    expect(error.statusCode).toBe(400);
    expect(error.errorCode).toBe("INVALID_FIELD");
    expect(error.message).toContain("No such column 'Foo__c' on entity 'Account'");
    expect(error.message).toContain("ERROR at Row:1:Column:12");
  });

  it("reports unknown columns in WHERE and ORDER BY, and unknown relationships", () => {
    expect(failure("SELECT Id FROM Account WHERE Bar = 'x'").message).toContain(
      "No such column 'Bar' on entity 'Account'",
    );
    expect(failure("SELECT Id FROM Account ORDER BY Baz").errorCode).toBe("INVALID_FIELD");
    expect(failure("SELECT Owner.Name FROM Contact").message).toContain(
      "Didn't understand relationship 'Owner'",
    );
  });

  it("reports a literal of the wrong type as INVALID_FIELD", () => {
    expect(failure("SELECT Id FROM Account WHERE IsDeleted = 'yes'").message).toContain(
      "must be of type boolean",
    );
    expect(failure("SELECT Id FROM Account WHERE Name = true").message).toContain(
      "must be of type string",
    );
    // A number compared with a text field is refused, as Salesforce refuses it.
    const numberForText = failure("SELECT Id FROM Account WHERE SF_Account_No__c = 100001");
    expect(numberForText.errorCode).toBe("INVALID_FIELD");
    expect(numberForText.message).toContain(
      "value of filter criterion for field 'SF_Account_No__c' must be of type string and should be enclosed in quotes",
    );
    expect(failure("SELECT Id FROM Contact WHERE AccountId IN (1, 2)").errorCode).toBe(
      "INVALID_FIELD",
    );
  });

  it("reports an unknown object as INVALID_TYPE and bad syntax as MALFORMED_QUERY", () => {
    expect(failure("SELECT Id FROM Widget__c").errorCode).toBe("INVALID_TYPE");
    expect(failure("SELECT FROM Account").errorCode).toBe("MALFORMED_QUERY");
  });
});

describe("runQuery: aggregates", () => {
  it("answers COUNT() over the filtered rows", () => {
    expect(query("SELECT COUNT() FROM Contact WHERE AccountId != null").totalSize).toBe(
      CONTACTS.filter((contact) => contact.AccountId !== null).length,
    );
  });

  it("groups with GROUP BY and names unaliased aggregates expr0, expr1…", () => {
    const result = query(
      "SELECT Portal_Status__c, COUNT(Id), MAX(SF_Account_No__c) top FROM Account GROUP BY Portal_Status__c ORDER BY Portal_Status__c",
    );
    expect(result.totalSize).toBe(result.records.length);
    const byStatus = new Map<unknown, unknown>(
      result.records.map((row) => [row.Portal_Status__c, row]),
    );
    const counts = new Map<unknown, number>();
    for (const account of ACCOUNTS) {
      counts.set(account.Portal_Status__c, (counts.get(account.Portal_Status__c) ?? 0) + 1);
    }
    for (const [status, count] of counts) {
      expect(byStatus.get(status)).toMatchObject({
        attributes: { type: "AggregateResult" },
        expr0: count,
      });
    }
    expect(result.records[0]).toHaveProperty("top");
  });

  it("aggregates without GROUP BY into one row", () => {
    expect(query("SELECT COUNT(Id) total, COUNT_DISTINCT(Portal_Status__c) FROM Account")).toEqual({
      offset: false,
      totalSize: 1,
      done: true,
      records: [
        {
          attributes: { type: "AggregateResult" },
          total: ACCOUNTS.length,
          expr0: new Set(
            ACCOUNTS.map((account) => account.Portal_Status__c).filter((v) => v !== null),
          ).size,
        },
      ],
    });
  });

  it("refuses a field that is neither grouped nor aggregated, and SUM of text", () => {
    const ungrouped = failure("SELECT Name, COUNT(Id) FROM Account GROUP BY Portal_Status__c");
    expect(ungrouped.errorCode).toBe("MALFORMED_QUERY");
    expect(ungrouped.message).toContain("Field must be grouped or aggregated: Name");
    expect(failure("SELECT SUM(Name) FROM Account").errorCode).toBe("INVALID_FIELD");
  });
});

describe("runQuery: parent-to-child sub-queries", () => {
  it("nests each Account's Contacts as a query result, null when there are none", () => {
    const result = query(
      "SELECT SF_Account_No__c, (SELECT LastName FROM Contacts ORDER BY LastName) FROM Account ORDER BY SF_Account_No__c",
    );
    for (const record of result.records) {
      const account = ACCOUNTS.find((each) => each.SF_Account_No__c === record.SF_Account_No__c);
      const children = CONTACTS.filter((contact) => contact.AccountId === account?.Id);
      if (children.length === 0) {
        expect(record.Contacts).toBeNull();
      } else {
        expect(record.Contacts).toMatchObject({
          totalSize: children.length,
          done: true,
          records: children.map((contact) => ({
            attributes: { type: "Contact" },
            LastName: contact.LastName,
          })),
        });
      }
    }
    expect(result.records.some((record) => record.Contacts !== null)).toBe(true);
  });

  it("selects the child's parent fields through its lookup inside the sub-query", () => {
    // SOQL and SOSL Reference, "Relationship Queries": a sub-query's field list may hold
    // child-to-parent relationship fields (checkout reads OrderItem's Product2.Name this way).
    const result = query(
      "SELECT SF_Account_No__c, (SELECT LastName, Account.Name FROM Contacts) FROM Account WHERE SF_Account_No__c = '100002'",
    );
    expect(result.records[0]?.Contacts).toMatchObject({
      records: [
        {
          attributes: { type: "Contact" },
          LastName: "Suzuki",
          Account: { attributes: { type: "Account" }, Name: "Hanako Suzuki" },
        },
      ],
    });
  });

  it("refuses an unknown child relationship as INVALID_TYPE", () => {
    const error = failure("SELECT Id, (SELECT Id FROM Widgets) FROM Account");
    expect(error.errorCode).toBe("INVALID_TYPE");
    expect(error.message).toContain("Didn't understand relationship 'Widgets'");
  });
});

describe("runQuery: HAVING", () => {
  it("keeps the groups whose aggregates and grouped fields pass", () => {
    const statuses = (soql: string) =>
      query(soql).records.map((row) => [row.Portal_Status__c, row.expr0]);
    expect(
      statuses(
        "SELECT Portal_Status__c, COUNT(Id) FROM Account GROUP BY Portal_Status__c HAVING COUNT(Id) > 1 AND Portal_Status__c = 'active'",
      ),
    ).toEqual([["Active", 2]]);
    // An aggregate that is not selected can filter too.
    expect(
      statuses(
        "SELECT Portal_Status__c, COUNT(Id) FROM Account GROUP BY Portal_Status__c HAVING MAX(SF_Account_No__c) > '100005'",
      ),
    ).toEqual([["Active", 2]]);
    expect(
      statuses(
        "SELECT Portal_Status__c, COUNT(Id) FROM Account GROUP BY Portal_Status__c HAVING COUNT(BillingState) < 2 OR NOT Portal_Status__c = 'Active' ORDER BY Portal_Status__c",
      ),
    ).toEqual([["Not Yet", 2]]);
  });

  it("refuses an ungrouped field and a literal of the wrong type", () => {
    const ungrouped = failure(
      "SELECT Portal_Status__c, COUNT(Id) FROM Account GROUP BY Portal_Status__c HAVING Name = 'x'",
    );
    expect(ungrouped.errorCode).toBe("MALFORMED_QUERY");
    expect(ungrouped.message).toContain("Field must be grouped or aggregated: Name");
    const quoted = failure(
      "SELECT Portal_Status__c FROM Account GROUP BY Portal_Status__c HAVING COUNT(Id) > '1'",
    );
    expect(quoted.errorCode).toBe("INVALID_FIELD");
    expect(quoted.message).toContain(
      "value of filter criterion for field 'COUNT(Id)' must be of type int and should not be enclosed in quotes",
    );
  });

  it("orders aggregate rows with NULLS FIRST / LAST", () => {
    const states = (order: string) =>
      query(
        `SELECT BillingState, COUNT(Id) FROM Account GROUP BY BillingState ORDER BY ${order}`,
      ).records.map((row) => row.BillingState);
    expect(states("BillingState NULLS LAST")).toEqual(["Kanagawa", "Osaka", "Tokyo", null]);
    expect(states("BillingState DESC NULLS FIRST")).toEqual([null, "Tokyo", "Osaka", "Kanagawa"]);
    expect(states("BillingState")).toEqual([null, "Kanagawa", "Osaka", "Tokyo"]);
  });
});

describe("runQuery: date literals and date types", () => {
  // Accounts were created on the 10th of January…April 2025 at 09:00 in Tokyo; now is 10 March, 12:00.
  it.each([
    ["CreatedDate = TODAY", ["100003"]],
    ["CreatedDate = YESTERDAY", []],
    ["CreatedDate > TODAY", ["100010"]],
    ["CreatedDate >= TODAY", ["100003", "100010"]],
    ["CreatedDate <= TODAY", ["100001", "100002", "100003"]],
    ["CreatedDate < TODAY", ["100001", "100002"]],
    ["CreatedDate = THIS_MONTH", ["100003"]],
    ["CreatedDate = LAST_MONTH", ["100002"]],
    ["CreatedDate = NEXT_MONTH", ["100010"]],
    ["CreatedDate < THIS_MONTH", ["100001", "100002"]],
    ["CreatedDate = THIS_QUARTER", ["100001", "100002", "100003"]],
    ["CreatedDate = NEXT_QUARTER", ["100010"]],
    ["CreatedDate = THIS_YEAR", ["100001", "100002", "100003", "100010"]],
    ["CreatedDate = LAST_N_DAYS:28", ["100002", "100003"]],
    ["CreatedDate = LAST_N_DAYS:27", ["100003"]],
    ["CreatedDate = NEXT_N_DAYS:31", ["100010"]],
    ["CreatedDate = NEXT_N_DAYS:30", []],
    ["CreatedDate = N_DAYS_AGO:28", ["100002"]],
    ["CreatedDate = LAST_N_MONTHS:2", ["100001", "100002"]],
    ["CreatedDate IN (YESTERDAY, TODAY)", ["100003"]],
    ["CreatedDate NOT IN (TODAY, LAST_MONTH)", ["100001", "100010"]],
    ["CreatedDate != TODAY", ["100001", "100002", "100010"]],
    ["CreatedDate >= 2025-03-10T00:00:00Z AND CreatedDate < 2025-03-10T00:00:01+00:00", ["100003"]],
    ["CreatedDate > 2025-03-10T08:59:59+09:00", ["100003", "100010"]],
  ])("WHERE %s", (where, expected) => {
    expect(
      numbers(`SELECT SF_Account_No__c FROM Account WHERE ${where} ORDER BY SF_Account_No__c`),
    ).toEqual(expected);
  });

  it("refuses a date literal or a date for a field of another type, and a datetime in quotes", () => {
    const literal = failure("SELECT Id FROM Account WHERE Name = TODAY");
    expect(literal.errorCode).toBe("INVALID_FIELD");
    expect(literal.message).toContain("must be of type string and should be enclosed in quotes");
    expect(failure("SELECT Id FROM Account WHERE CreatedDate = 2025-03-10").message).toContain(
      "value of filter criterion for field 'CreatedDate' must be of type dateTime and should not be enclosed in quotes",
    );
    expect(
      failure("SELECT Id FROM Account WHERE CreatedDate = '2025-03-10T00:00:00Z'").errorCode,
    ).toBe("INVALID_FIELD");
    expect(failure("SELECT Id FROM Account WHERE IsDeleted = LAST_N_DAYS:3").message).toContain(
      "must be of type boolean",
    );
  });
});

describe("runQuery: semi-joins and anti-joins", () => {
  it.each([
    ["Id IN (SELECT AccountId FROM Contact WHERE Email LIKE '%example.com')", ["100001"]],
    ["Id NOT IN (SELECT AccountId FROM Contact)", ["100003", "100010"]],
    [
      "Id IN (SELECT AccountId FROM Contact) AND Id NOT IN (SELECT AccountId FROM Contact WHERE FirstName = null)",
      ["100001"],
    ],
    ["Portal_Status__c = 'Not Yet' AND Id IN (SELECT AccountId FROM Contact)", ["100002"]],
  ])("WHERE %s", (where, expected) => {
    expect(
      numbers(`SELECT SF_Account_No__c FROM Account WHERE ${where} ORDER BY SF_Account_No__c`),
    ).toEqual(expected);
  });

  it("filters children by their parent, an empty lookup passing an anti-join", () => {
    const lastNames = (where: string) =>
      query(`SELECT LastName FROM Contact WHERE ${where} ORDER BY LastName`).records.map(
        (record) => record.LastName,
      );
    expect(
      lastNames("AccountId IN (SELECT Id FROM Account WHERE Portal_Status__c = 'Active')"),
    ).toEqual(["Yamada"]);
    expect(
      lastNames("AccountId NOT IN (SELECT Id FROM Account WHERE Portal_Status__c = 'Active')"),
    ).toEqual(["Contact", "Suzuki"]);
  });

  it.each([
    [
      "Id IN (SELECT LastName FROM Contact)",
      "semi join sub selects can only query id fields, cannot use: 'LastName'",
    ],
    ["Id IN (SELECT Account.Id FROM Contact)", "semi join sub selects can only query id fields"],
    ["Id IN (SELECT Id, AccountId FROM Contact)", "semi join sub selects can only query id fields"],
    ["Name IN (SELECT AccountId FROM Contact)", "cannot use: 'Name'"],
    [
      "Id IN (SELECT Id FROM Account)",
      "The inner and outer selects should not be on the same object type",
    ],
    [
      "Name = 'x' OR Id IN (SELECT AccountId FROM Contact)",
      "Semi join sub-selects are not allowed with the 'OR' operator",
    ],
    [
      "NOT Id IN (SELECT AccountId FROM Contact)",
      "Semi join sub-selects are only allowed at the top level WHERE expressions.",
    ],
    [
      "Id IN (SELECT AccountId FROM Contact) AND Id IN (SELECT AccountId FROM Contact) AND Id IN (SELECT AccountId FROM Contact)",
      "Maximum 2 semi join sub-selects are allowed",
    ],
    [
      "Id IN (SELECT AccountId FROM Contact ORDER BY LastName)",
      "ORDER BY is not supported in semi join sub-selects",
    ],
    [
      "Id IN (SELECT AccountId FROM Contact LIMIT 1)",
      "LIMIT is not supported in semi join sub-selects",
    ],
  ])("refuses WHERE %s as MALFORMED_QUERY", (where, message) => {
    const error = failure(`SELECT Id FROM Account WHERE ${where}`);
    expect(error.errorCode).toBe("MALFORMED_QUERY");
    expect(error.message).toContain(message);
  });

  it("refuses a semi-join inside a parent-to-child sub-query", () => {
    const error = failure(
      "SELECT Id, (SELECT Id FROM Contacts WHERE AccountId IN (SELECT Id FROM Account)) FROM Account",
    );
    expect(error.message).toContain("only allowed at the top level WHERE expressions");
  });
});

describe("runQuery: lists, LIMIT, OFFSET and unsupported syntax", () => {
  it("matches IN and NOT IN lists holding null", () => {
    expect(
      numbers(
        "SELECT SF_Account_No__c FROM Account WHERE WH_Account__c IN ('1', null) ORDER BY SF_Account_No__c",
      ),
    ).toEqual(["100001", "100002", "100003"]);
    expect(
      numbers(
        "SELECT SF_Account_No__c FROM Account WHERE WH_Account__c NOT IN ('1', null) ORDER BY SF_Account_No__c",
      ),
    ).toEqual(["100010"]);
  });

  it("refuses INCLUDES and EXCLUDES outside multi-select picklists", () => {
    const error = failure("SELECT Id FROM Account WHERE Portal_Status__c INCLUDES ('Active')");
    expect(error.errorCode).toBe("INVALID_FIELD");
    expect(error.message).toContain(
      "includes or excludes operator only valid on multipicklist field",
    );
  });

  it("marks an OFFSET query and refuses an OFFSET above 2,000", () => {
    expect(query("SELECT Id FROM Account ORDER BY Name LIMIT 1 OFFSET 2").offset).toBe(true);
    expect(query("SELECT Id FROM Account").offset).toBe(false);
    const error = failure("SELECT Id FROM Account OFFSET 2001");
    expect(error.statusCode).toBe(400);
    expect(error.errorCode).toBe("NUMBER_OUTSIDE_VALID_RANGE");
    expect(query("SELECT Id FROM Account OFFSET 2000").records).toEqual([]);
  });

  it("allows OFFSET in a child sub-query only under a parent LIMIT 1", () => {
    const sub = "(SELECT LastName FROM Contacts ORDER BY LastName OFFSET 1)";
    expect(failure(`SELECT Id, ${sub} FROM Account`).message).toContain(
      "OFFSET is allowed in a sub-query only when the parent query has LIMIT 1",
    );
    const [account] = query(
      `SELECT Id, ${sub} FROM Account WHERE SF_Account_No__c = '100001' LIMIT 1`,
    ).records;
    // Taro has one Contact; skipping it leaves none.
    expect(account?.Contacts).toBeNull();
  });

  it("refuses TYPEOF: no modelled field is polymorphic", () => {
    const error = failure("SELECT TYPEOF Account WHEN Account THEN Name END FROM Contact");
    expect(error.errorCode).toBe("MALFORMED_QUERY");
    expect(error.message).toContain("TYPEOF needs a polymorphic relationship field");
  });
});
