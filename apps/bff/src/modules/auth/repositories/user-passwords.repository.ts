import { Inject, Injectable } from "@nestjs/common";
import { eq } from "drizzle-orm";
import { DATABASE_CONNECTION, type DatabaseConnection } from "../../database/database.js";
import { users } from "../../identity/schema/users.js";

/** Writes a user's password hash (kept apart from `UsersRepository`'s identity and lockout). */
@Injectable()
export class UserPasswordsRepository {
  constructor(@Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection) {}

  /** Replaces the argon2id PHC string of user `id`. */
  async setHash(id: string, passwordHash: string, at: Date): Promise<void> {
    await this.connection.db
      .update(users)
      .set({ passwordHash, updatedAt: at })
      .where(eq(users.id, id));
  }
}
