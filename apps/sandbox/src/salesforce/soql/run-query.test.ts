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

const query = (soql: string) => runQuery(soql, source, "62.0");
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
    expect(
      failure("SELECT Name, COUNT(Id) FROM Account GROUP BY Name HAVING COUNT(Id) > 1").errorCode,
    ).toBe("MALFORMED_QUERY");
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

  it("refuses an unknown child relationship as INVALID_TYPE", () => {
    const error = failure("SELECT Id, (SELECT Id FROM Cases) FROM Account");
    expect(error.errorCode).toBe("INVALID_TYPE");
    expect(error.message).toContain("Didn't understand relationship 'Cases'");
  });
});
