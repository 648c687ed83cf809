/**
 * Demo accounts for `npm run demo` (PARBOARD_DEMO=1) only: an administrator, a staff member and the
 * leader of the town. They are created if absent with random passwords; accounts that demo mode created
 * get a fresh password at every demo start, because the running server holds the database and the
 * printed passwords are the only way in.
 */
import type { Db } from "~/db/instance.server";
import { getUnits } from "~/db/units.server";
import { getUserByUsername } from "~/db/users.server";
import { createAccount, resetPassword } from "./accounts.server";
import { randomPassword } from "./password.server";
import type { Role } from "~/domain/roles";

export const DEMO_ACTOR = "demo";
/** Xã Ninh Giang, the sample's commune since 2025-Q3 (the old town's successor); another registry's first unit stands in when it is absent. */
const DEMO_UNIT = "11300";

export interface DemoAccount {
  username: string;
  role: Role;
  unitCode: string | null;
  /** Null for an account of that name that demo mode did not make: it is left alone. */
  password: string | null;
  status: "created" | "renewed" | "kept";
}

export async function ensureDemoAccounts(db: Db, now: Date): Promise<DemoAccount[]> {
  const units = await getUnits(db);
  const unit = units.find((u) => u.code === DEMO_UNIT) ?? units[0];
  const wanted: { username: string; displayName: string; role: Role; unitCode: string | null }[] = [
    { username: "admin", displayName: "Quản trị viên (demo)", role: "admin", unitCode: null },
    { username: "canbo", displayName: "Cán bộ Văn phòng (demo)", role: "staff", unitCode: null },
    { username: "lanhdao", displayName: `Lãnh đạo ${unit?.name ?? ""} (demo)`.replace("  ", " "), role: "leader", unitCode: unit?.code ?? null },
  ];
  const actor = { name: DEMO_ACTOR, address: null };
  const out: DemoAccount[] = [];
  for (const account of wanted) {
    if (account.unitCode === null && account.role === "leader") continue;
    const existing = await getUserByUsername(db, account.username);
    const password = randomPassword();
    if (!existing) {
      await createAccount(db, { ...account, password }, actor, now);
      out.push({ username: account.username, role: account.role, unitCode: account.unitCode, password, status: "created" });
    } else if (existing.createdBy === DEMO_ACTOR && existing.disabledAt === null) {
      await resetPassword(db, account.username, password, actor, now);
      out.push({ username: existing.username, role: existing.role, unitCode: existing.unitCode, password, status: "renewed" });
    } else {
      // An account of that name made by someone else (or disabled) is left alone.
      out.push({ username: existing.username, role: existing.role, unitCode: existing.unitCode, password: null, status: "kept" });
    }
  }
  return out;
}
