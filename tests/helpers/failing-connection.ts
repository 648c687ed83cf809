/**
 * DuckDB connections that fail on purpose, for the paths a healthy test database never takes (a COMMIT
 * that fails because the disk is full). The failure is injected where the transaction helper meets
 * DuckDB: every connection the instance hands out afterwards is wrapped, the real one does the work.
 */
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { vi, type MockInstance } from "vitest";

/** What DuckDB says when the write-ahead log cannot grow. */
export const DISK_FULL = 'IO Error: Could not write file "/srv/parboard/parboard.duckdb.wal": No space left on device';

export interface Failures {
  /** COMMIT ends the transaction (as DuckDB does when a commit fails) and throws this message. */
  commit?: string;
  /** ROLLBACK throws this message without running. */
  rollback?: string;
}

function wrap(conn: DuckDBConnection, failures: Failures): DuckDBConnection {
  return new Proxy(conn, {
    get(target, prop) {
      if (prop === "run") {
        return async (sql: string, ...rest: unknown[]) => {
          const statement = sql.trim().toUpperCase();
          if (statement === "COMMIT" && failures.commit) {
            // A failed COMMIT leaves no transaction behind: a ROLLBACK after it has nothing to roll back.
            await target.run("ROLLBACK");
            throw new Error(failures.commit);
          }
          if (statement === "ROLLBACK" && failures.rollback) throw new Error(failures.rollback);
          return (target.run as (...args: unknown[]) => unknown)(sql, ...rest);
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * From now until the returned spy is restored (or vi.restoreAllMocks, which tests/setup.ts runs after each
 * test), connections fail as asked.
 */
export function failConnections(failures: Failures): MockInstance<DuckDBInstance["connect"]> {
  const connect = DuckDBInstance.prototype.connect;
  return vi.spyOn(DuckDBInstance.prototype, "connect").mockImplementation(async function (this: DuckDBInstance) {
    return wrap(await connect.call(this), failures);
  });
}
