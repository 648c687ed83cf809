/**
 * Account management, shared by the admin page and `npm run user`: every change hashed, checked and audited
 * (the audit entry is written in the same transaction as the change).
 */
import { z } from "zod";
import type { Db } from "~/db/instance.server";
import { LastAdminError, countActiveAdmins, createUser, getUserByUsername, setDisabled, setPasswordHash, type UserRecord } from "~/db/users.server";
import type { NewUser } from "./forms";
import { hashPassword } from "./password.server";

export type AccountErrorCode = "exists" | "notFound" | "lastAdmin" | "unknownUnit" | "self";

export class AccountError extends Error {
  override name = "AccountError";
  constructor(
    readonly code: AccountErrorCode,
    readonly username: string,
  ) {
    super(`${code}: ${username}`);
  }
}

/** Who made a change and from where: a signed-in admin (`an`, with an address) or the command line (`cli:root`). */
export interface Actor {
  name: string;
  address: string | null;
}

async function unitExists(db: Db, code: string): Promise<boolean> {
  const rows = await db.query("SELECT code FROM units WHERE code = $1", [code], z.object({ code: z.string() }));
  return rows.length > 0;
}

async function findUser(db: Db, username: string): Promise<UserRecord> {
  const user = await getUserByUsername(db, username);
  if (!user) throw new AccountError("notFound", username);
  return user;
}

export async function createAccount(db: Db, input: NewUser, actor: Actor, now: Date): Promise<UserRecord> {
  if (await getUserByUsername(db, input.username)) throw new AccountError("exists", input.username);
  if (input.unitCode !== null && !(await unitExists(db, input.unitCode))) throw new AccountError("unknownUnit", input.username);
  const passwordHash = await hashPassword(input.password);
  return createUser(
    db,
    { username: input.username, displayName: input.displayName, role: input.role, unitCode: input.unitCode, passwordHash, createdBy: actor.name },
    now,
    { actor: actor.name, action: "user.create", target: input.username, detail: { role: input.role, unit: input.unitCode }, address: actor.address },
  );
}

export async function resetPassword(db: Db, username: string, password: string, actor: Actor, now: Date): Promise<UserRecord> {
  const user = await findUser(db, username);
  await setPasswordHash(db, user.id, await hashPassword(password), now, { actor: actor.name, action: "user.reset", target: user.username, address: actor.address });
  return user;
}

export async function disableAccount(db: Db, username: string, actor: Actor, now: Date): Promise<UserRecord> {
  const user = await findUser(db, username);
  if (user.username === actor.name) throw new AccountError("self", username);
  if (user.role === "admin" && user.disabledAt === null && (await countActiveAdmins(db)) <= 1) throw new AccountError("lastAdmin", username);
  if (user.disabledAt === null) {
    try {
      await setDisabled(db, user.id, true, actor.name, now, { actor: actor.name, action: "user.disable", target: user.username, address: actor.address });
    } catch (error) {
      // Checked again inside the write: another admin may have been disabled since the check above.
      if (error instanceof LastAdminError) throw new AccountError("lastAdmin", username);
      throw error;
    }
  }
  return user;
}

export async function enableAccount(db: Db, username: string, actor: Actor, now: Date): Promise<UserRecord> {
  const user = await findUser(db, username);
  if (user.disabledAt !== null) {
    await setDisabled(db, user.id, false, actor.name, now, { actor: actor.name, action: "user.enable", target: user.username, address: actor.address });
  }
  return user;
}
