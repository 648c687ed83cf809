/**
 * Opening the application's database: the one instance, migrated, with the unit registry from the data folder.
 */
import { getEnv, type Env } from "~/env.server";
import { getDb, type Db } from "./instance.server";
import { readRegistryFiles } from "~/config/registry.server";
import { syncUnits } from "~/db/units.server";

const SYNCED_KEY = Symbol.for("parboard.registrySynced");

export async function openAppDb(env: Pick<Env, "DATABASE_PATH" | "DATA_DIR">): Promise<Db> {
  const db = await getDb(env.DATABASE_PATH);
  const g = globalThis as unknown as Record<symbol, Set<string> | undefined>;
  g[SYNCED_KEY] ??= new Set();
  if (!g[SYNCED_KEY].has(db.path)) {
    const registry = readRegistryFiles(env.DATA_DIR);
    await syncUnits(db, registry.units, registry.lineage);
    g[SYNCED_KEY].add(db.path);
  }
  return db;
}

/** The database of the running application, as the environment names it. */
export function getAppDb(): Promise<Db> {
  return openAppDb(getEnv());
}
