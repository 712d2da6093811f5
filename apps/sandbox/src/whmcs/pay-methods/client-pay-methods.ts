import { randomBytes } from "node:crypto";
import type { Clock } from "../../server/clock.js";
import type { VersionedStore } from "../../state/versioned-store.js";
import type { WhmcsPayMethod, WhmcsState } from "../state/whmcs-state.js";
import type { WebhookSender } from "../webhook/webhook-sender.js";

/** A test card as the payment-methods page takes it: the full number and expiry `MM/YY`. */
export interface NewCard {
  cardNumber: string;
  expiry: string;
  description: string;
}

/**
 * A Japanese bank account for bank transfer / direct debit (口座振替): bank and branch name,
 * account type (普通 ordinary / 当座 current) and number. Only the last three digits are kept.
 */
export interface NewBankAccount {
  bankName: string;
  branchName: string;
  accountType: "ordinary" | "current";
  accountNumber: string;
}

/** Card brands by leading digits (IIN ranges of the major schemes). */
const BRANDS: readonly [RegExp, string][] = [
  [/^4/, "Visa"],
  [/^(5[1-5]|2[2-7])/, "MasterCard"],
  [/^35/, "JCB"],
  [/^3[47]/, "American Express"],
  [/^3(0[0-5]|[68])/, "Diners Club"],
];

const ACCOUNT_TYPE_LABEL = { ordinary: "普通", current: "当座" } as const;

/**
 * The client's pay methods as the WHMCS payment-methods page changes them: add a card (stored
 * remotely through the `stripe` gateway, as a tokenising gateway does) or a bank account (stored
 * locally as `BankAccount`), remove one, make one the default. WHMCS charges pay methods in the
 * client's order of preference, so the default is the first of the client's pay methods
 * (GetPayMethods has no default flag). After each change the portal hook sends the signed
 * `PayMethodChanged` webhook; a failing delivery never undoes the change.
 * Source: WHMCS/developer-docs api-reference/getpaymethods.md, addpaymethod.md; decision 0055.
 */
export class ClientPayMethods {
  constructor(
    private readonly store: VersionedStore<WhmcsState>,
    private readonly clock: Clock,
    private readonly webhooks: WebhookSender,
  ) {}

  /** The client's pay methods, default first. */
  of(clientId: number): WhmcsPayMethod[] {
    return this.store.state.payMethods.filter((method) => method.clientId === clientId);
  }

  /**
   * Adds a card; its brand is read from the number, the last four kept.
   * @throws Error when the number is not 12–19 digits or the expiry not `MM/YY`.
   */
  async addCard(clientId: number, card: NewCard): Promise<WhmcsPayMethod> {
    const digits = card.cardNumber.replace(/[\s-]/g, "");
    if (!/^\d{12,19}$/.test(digits)) throw new Error("Enter a card number of 12 to 19 digits.");
    if (!/^(0[1-9]|1[0-2])\/\d{2}$/.test(card.expiry))
      throw new Error("Enter the expiry as MM/YY.");
    const brand = BRANDS.find(([pattern]) => pattern.test(digits))?.[1] ?? "Card";
    const lastFour = digits.slice(-4);
    return this.add(clientId, {
      type: "RemoteCreditCard",
      description: card.description.trim() || `${brand} ending ${lastFour}`,
      gateway_name: "stripe",
      card_last_four: lastFour,
      expiry_date: card.expiry,
      card_type: brand,
      bank_name: "",
      remote_token: JSON.stringify({
        customer: `cus_${randomBytes(6).toString("hex")}`,
        method: `pm_${randomBytes(8).toString("hex")}`,
      }),
    });
  }

  /**
   * Adds a bank account; the description names bank, branch, type and the masked number.
   * @throws Error when a name is empty or the account number is not 7 digits (Japanese banks).
   */
  async addBankAccount(clientId: number, account: NewBankAccount): Promise<WhmcsPayMethod> {
    if (!account.bankName.trim() || !account.branchName.trim()) {
      throw new Error("Enter the bank and branch names.");
    }
    if (!/^\d{7}$/.test(account.accountNumber)) {
      throw new Error("Enter the 7-digit account number.");
    }
    const masked = `••••${account.accountNumber.slice(-3)}`;
    return this.add(clientId, {
      type: "BankAccount",
      description: `${account.bankName.trim()} ${account.branchName.trim()} ${ACCOUNT_TYPE_LABEL[account.accountType]} ${masked}`,
      gateway_name: "",
      card_last_four: "",
      expiry_date: "",
      card_type: "",
      bank_name: account.bankName.trim(),
      remote_token: "",
    });
  }

  /** Removes one of the client's pay methods; false when it has no such pay method. */
  async remove(clientId: number, payMethodId: number): Promise<boolean> {
    const exists = this.of(clientId).some((method) => method.id === payMethodId);
    if (!exists) return false;
    await this.store.mutate((state) => {
      state.payMethods = state.payMethods.filter((method) => method.id !== payMethodId);
    });
    await this.webhooks.send({ event: "PayMethodChanged", clientId });
    return true;
  }

  /** Makes one of the client's pay methods the default (first); false when it has no such one. */
  async makeDefault(clientId: number, payMethodId: number): Promise<boolean> {
    const chosen = this.of(clientId).find((method) => method.id === payMethodId);
    if (!chosen) return false;
    await this.store.mutate((state) => {
      const rest = state.payMethods.filter((method) => method.id !== payMethodId);
      const firstOfClient = rest.findIndex((method) => method.clientId === clientId);
      const at = firstOfClient === -1 ? rest.length : firstOfClient;
      state.payMethods = [
        ...rest.slice(0, at),
        { ...chosen, last_updated: this.stamp() },
        ...rest.slice(at),
      ];
    });
    await this.webhooks.send({ event: "PayMethodChanged", clientId });
    return true;
  }

  private async add(
    clientId: number,
    fields: Omit<WhmcsPayMethod, "id" | "clientId" | "last_updated">,
  ): Promise<WhmcsPayMethod> {
    const added = await this.store.mutate((state) => {
      const id = state.payMethods.reduce((max, method) => Math.max(max, method.id), 0) + 1;
      const method: WhmcsPayMethod = { id, clientId, ...fields, last_updated: this.stamp() };
      state.payMethods.push(method);
      return method;
    });
    await this.webhooks.send({ event: "PayMethodChanged", clientId });
    return added;
  }

  /** `last_updated` as GetPayMethods shows it: `dd/mm/YYYY HH:MM` (UTC here). */
  private stamp(): string {
    const iso = this.clock().toISOString();
    return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 16)}`;
  }
}
