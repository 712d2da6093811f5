import { Inject, Injectable } from "@nestjs/common";
import { eq } from "drizzle-orm";
import { DATABASE_CONNECTION, type DatabaseConnection } from "../../database/database.js";
import { type EligibilityRequestRow, eligibilityRequests } from "../schema/eligibility-requests.js";

/** The portal's record of the latest eligibility request per Salesforce Account (decision 0053). */
@Injectable()
export class EligibilityRequestsRepository {
  constructor(@Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection) {}

  /** The latest request for Account `sfAccountId`, or undefined when the portal made none. */
  async latest(sfAccountId: string): Promise<EligibilityRequestRow | undefined> {
    const [row] = await this.connection.db
      .select()
      .from(eligibilityRequests)
      .where(eq(eligibilityRequests.sfAccountId, sfAccountId));
    return row;
  }

  /** Makes `request` the latest request of its Account (replacing an earlier one). */
  async record(request: EligibilityRequestRow): Promise<void> {
    const { address, caseId, requestedAt } = request;
    await this.connection.db.insert(eligibilityRequests).values(request).onConflictDoUpdate({
      target: eligibilityRequests.sfAccountId,
      set: { address, caseId, requestedAt },
    });
  }
}
