/**
 * The one DuckDB instance of this process. Two DuckDBInstance objects on one file in one process corrupt
 * each other, so the instance lives on globalThis (it survives dev reloads and a second copy of this module,
 * such as the server script's and the Remix build's). Writes are serialised through one queue so that two
 * commits started at once run one after the other instead of failing with a transaction conflict.
 */
import fs from "node:fs";
import path from "node:path";
import { DuckDBInstance, type DuckDBConnection, type DuckDBType, type DuckDBValue } from "@duckdb/node-api";
import type { z } from "zod";
import { applyMigrations } from "./migrations.server";
import { inTransaction } from "./transaction.server";

export class DatabaseLockedError extends Error {
  override name = "DatabaseLockedError";
  constructor(
    readonly dbPath: string,
    readonly holder: string,
  ) {
    super(
      `The database ${dbPath} is in use by another process (${holder}), most likely the running parboard server. ` +
        `Stop the server and run the command again, or upload the file on the server's upload page.`,
    );
  }
}

export interface Db {
  readonly path: string;
  /** Runs a read query with bound parameters and parses every row with the schema (BigInt → number included). */
  /** `types`: the parameters' types, where DuckDB cannot guess them (an empty list, a list starting with NULL). */
  query<S extends z.ZodType>(sql: string, params: DuckDBValue[] | Record<string, DuckDBValue>, schema: S, types?: DuckDBType[]): Promise<z.infer<S>[]>;
  /** Runs fn on a fresh connection (for reads that need several statements). */
  withConnection<T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T>;
  /** Runs fn inside one transaction, queued behind every other write of this process. */
  transaction<T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T>;
  /** Waits for the queries and transactions under way, then closes; later work is refused (DatabaseClosedError). */
  close(): Promise<void>;
}

export class DatabaseClosedError extends Error {
  override name = "DatabaseClosedError";
  constructor(readonly dbPath: string) {
    super(`The database ${dbPath} is closed: the process is stopping.`);
  }
}

const LOCK_PATTERN = /Could not set lock on file[^:]*: Conflicting lock is held in (.+?)(?:\. See also|$)/s;

function toLockError(dbPath: string, error: unknown): unknown {
  if (error instanceof Error) {
    const m = LOCK_PATTERN.exec(error.message);
    if (m) return new DatabaseLockedError(dbPath, (m[1] ?? "another process").trim());
  }
  return error;
}

/**
 * Converts what DuckDB's JS reader returns into plain JSON-like values, once, here: BIGINT and HUGEINT →
 * number (checked), timestamps → ISO strings, lists → arrays, structs → objects.
 */
export function plainValue(value: unknown): unknown {
  if (value === null || typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "bigint") {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new RangeError(`integer out of safe range: ${value}`);
    }
    return Number(value);
  }
  if (Array.isArray(value)) return value.map(plainValue);
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === "object") {
    if (Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainValue(v)]));
    }
    // Any other DuckDB value object (DECIMAL, INTERVAL, …) has a readable string form.
    return String(value);
  }
  return value;
}

async function openDb(dbPath: string): Promise<Db> {
  if (dbPath !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(dbPath)), { recursive: true });
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(dbPath);
  } catch (error) {
    throw toLockError(dbPath, error);
  }
  let queue: Promise<unknown> = Promise.resolve();
  // Work under way, counted so that closing waits for it: closing the instance under a running query (a page
  // warmed in the background when the server is stopped) brings the process down with a native crash.
  let active = 0;
  let closing = false;
  let idle: (() => void) | null = null;

  async function withConnection<T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
    if (closing) throw new DatabaseClosedError(dbPath);
    active++;
    try {
      const conn = await instance.connect();
      try {
        return await fn(conn);
      } finally {
        conn.closeSync();
      }
    } finally {
      active--;
      if (active === 0) idle?.();
    }
  }

  const db: Db = {
    path: dbPath,
    async query(sql, params, schema, types) {
      return withConnection(async (conn) => {
        const reader = await conn.runAndReadAll(sql, params, types);
        // Reading by columns and building the rows here is several times faster than the reader's row objects.
        const names = reader.columnNames();
        const columns = reader.getColumnsJS();
        const count = reader.currentRowCount;
        const rows: z.infer<typeof schema>[] = new Array(count);
        for (let i = 0; i < count; i++) {
          const row: Record<string, unknown> = {};
          for (let c = 0; c < names.length; c++) row[names[c]!] = plainValue(columns[c]![i]);
          rows[i] = schema.parse(row);
        }
        return rows;
      });
    },
    withConnection,
    transaction(fn) {
      const run = queue.then(() => withConnection((conn) => inTransaction(conn, fn)));
      // The queue moves on whether this write succeeded or not; the caller sees the outcome through `run`.
      queue = run.then(
        () => undefined,
        () => undefined,
      );
      return run;
    },
    async close() {
      closing = true;
      if (active > 0) await new Promise<void>((resolve) => (idle = resolve));
      instance.closeSync();
    },
  };
  await db.withConnection(applyMigrations);
  return db;
}

interface DbRegistry {
  open: Map<string, Promise<Db>>;
}

const REGISTRY_KEY = Symbol.for("parboard.db");

function registry(): DbRegistry {
  const g = globalThis as unknown as Record<symbol, DbRegistry | undefined>;
  g[REGISTRY_KEY] ??= { open: new Map() };
  return g[REGISTRY_KEY];
}

/** The process's database for a path (one instance per file per process), opened and migrated on first use. */
export function getDb(dbPath: string): Promise<Db> {
  const key = dbPath === ":memory:" ? dbPath : path.resolve(dbPath);
  const open = registry().open;
  let db = open.get(key);
  if (!db) {
    db = openDb(dbPath);
    open.set(key, db);
    // A failed open (a lock, say) must not stick: the next call tries again.
    db.catch(() => open.delete(key));
  }
  return db;
}

/** Closes a database opened with getDb (tests and CLI commands end with this). */
export async function closeDb(dbPath: string): Promise<void> {
  const key = dbPath === ":memory:" ? dbPath : path.resolve(dbPath);
  const open = registry().open;
  const db = open.get(key);
  if (!db) return;
  open.delete(key);
  await (await db).close();
}
