import { Inject, Injectable, Logger, type OnApplicationBootstrap } from "@nestjs/common";
import { SalesforceClient } from "@portal/salesforce";
import { WhmcsClient } from "@portal/whmcs";
import { PasswordHasher } from "../auth/password-hasher.js";
import { APP_CONFIG } from "../config/config.module.js";
import { type AppConfig } from "../config/config.schema.js";
import { UsersRepository } from "../identity/repositories/users.repository.js";
import { uniqueViolation } from "../database/unique-violation.js";

/**
 * The demo customer of the sandbox seed (docs/architecture/wiring.md "Demo data"): customer number
 * 100001, WHMCS client `demo@example.com`, portal password `Demo1234!portal`.
 */
const DEMO_USER = {
  email: "demo@example.com",
  password: "Demo1234!portal",
  customerNumber: "100001",
} as const;

/**
 * With PORTAL_SEED_DEMO (default: outside production) creates the demo portal user at start-up
 * if it does not exist, linked to the Salesforce Account and WHMCS client the sandbox seeds. The
 * upstream records are looked up, not assumed; when an upstream is unreachable the BFF starts
 * anyway and tries again at its next start.
 */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly salesforce: SalesforceClient,
    private readonly whmcs: WhmcsClient,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo || (await this.users.findByEmail(DEMO_USER.email))) {
      return;
    }
    try {
      await this.seed();
    } catch (error) {
      if (uniqueViolation(error) !== null) {
        return; // another replica seeded it at the same moment
      }
      this.logger.warn(
        { err: error },
        "Demo user not created (upstream unreachable?); will try again at the next start",
      );
    }
  }

  private async seed(): Promise<void> {
    const account = await this.salesforce.accounts.findByCustomerNumber(DEMO_USER.customerNumber);
    const billingClientId = await this.whmcs.clients.findIdByEmail(DEMO_USER.email);
    if (!account || billingClientId === null) {
      this.logger.warn(
        { customerNumber: DEMO_USER.customerNumber, email: DEMO_USER.email },
        "Demo records not found upstream (not the sandbox?); demo user not created",
      );
      return;
    }
    const [contact, profile] = await Promise.all([
      this.salesforce.contacts.findPrimary(account.id),
      this.whmcs.clients.get(billingClientId),
    ]);
    const names = profile ?? contact;
    if (!names) {
      this.logger.warn(
        { billingClientId },
        "Demo WHMCS client has no details; demo user not created",
      );
      return;
    }
    await this.users.createWithMapping(
      {
        email: DEMO_USER.email,
        passwordHash: await this.hasher.hash(DEMO_USER.password),
        firstName: names.firstName,
        lastName: names.lastName,
      },
      {
        whmcsClientId: billingClientId,
        sfAccountId: account.id,
        sfContactId: contact?.id ?? null,
        customerNumber: account.customerNumber,
      },
    );
    this.logger.log({ email: DEMO_USER.email }, "Demo user created");
  }
}
