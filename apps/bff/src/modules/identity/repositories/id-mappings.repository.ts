import { Inject, Injectable } from "@nestjs/common";
import { eq } from "drizzle-orm";
import { DATABASE_CONNECTION, type DatabaseConnection } from "../../database/database.js";
import { type IdMappingRow, idMappings } from "../schema/id-mappings.js";

/** Which WHMCS client and Salesforce Account belong to a portal user. Rows are created with the user. */
@Injectable()
export class IdMappingsRepository {
  constructor(@Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection) {}

  /** The mapping of portal user `userId`, or undefined. */
  async findByUserId(userId: string): Promise<IdMappingRow | undefined> {
    const [row] = await this.connection.db
      .select()
      .from(idMappings)
      .where(eq(idMappings.userId, userId))
      .limit(1);
    return row;
  }

  /** The mapping that holds Salesforce Account `sfAccountId`, or undefined. */
  async findBySfAccountId(sfAccountId: string): Promise<IdMappingRow | undefined> {
    const [row] = await this.connection.db
      .select()
      .from(idMappings)
      .where(eq(idMappings.sfAccountId, sfAccountId))
      .limit(1);
    return row;
  }

  /** The mapping that holds WHMCS client `whmcsClientId`, or undefined. */
  async findByWhmcsClientId(whmcsClientId: number): Promise<IdMappingRow | undefined> {
    const [row] = await this.connection.db
      .select()
      .from(idMappings)
      .where(eq(idMappings.whmcsClientId, whmcsClientId))
      .limit(1);
    return row;
  }

  /** Records the Salesforce Contact of the user whose Account is `sfAccountId`. */
  async setSfContactId(sfAccountId: string, sfContactId: string): Promise<void> {
    await this.connection.db
      .update(idMappings)
      .set({ sfContactId })
      .where(eq(idMappings.sfAccountId, sfAccountId));
  }
}
