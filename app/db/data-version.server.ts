/**
 * The data version: one counter that every change a page can show bumps, in the same transaction as the
 * change (an upload commit, a rollback or restore, a publication or withdrawal, a registry change). A cache
 * keyed by it is never stale, across processes too, and costs one primary-key read per request.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { z } from "zod";
import type { Db } from "./instance.server";

/** Inside the change's transaction: the next version. */
export async function bumpDataVersion(conn: DuckDBConnection): Promise<void> {
  await conn.run("UPDATE data_version SET version = version + 1 WHERE id = 1");
}

/** The current version (0 on a new database). */
export async function getDataVersion(db: Db): Promise<number> {
  const [row] = await db.query("SELECT version::DOUBLE AS version FROM data_version WHERE id = 1", [], z.object({ version: z.number() }));
  return row?.version ?? 0;
}
