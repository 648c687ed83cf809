/**
 * Versioned schema migrations, applied in order at start-up, each in its own transaction. A migration is
 * never edited once it has shipped: change the schema by adding the next one.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { COUNT_FIELDS } from "~/domain/report-fields";
import { inTransaction } from "./transaction.server";

interface Migration {
  version: number;
  name: string;
  sql: string;
}

const countColumns = COUNT_FIELDS.map((f) => `  ${f} INTEGER NOT NULL CHECK (${f} >= 0)`).join(",\n");

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "units, uploads, report rows, current view, facts view",
    sql: `
CREATE TABLE units (
  code VARCHAR PRIMARY KEY,
  name VARCHAR NOT NULL,
  kind VARCHAR NOT NULL
);
CREATE SEQUENCE upload_id_seq START 1;
CREATE TABLE uploads (
  id INTEGER PRIMARY KEY,
  uploaded_at TIMESTAMPTZ NOT NULL,
  uploaded_by VARCHAR NOT NULL,
  source VARCHAR NOT NULL CHECK (source IN ('web', 'cli', 'seed')),
  file_name VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  encoding VARCHAR,
  periods VARCHAR[] NOT NULL,
  row_count INTEGER NOT NULL,
  unit_count INTEGER NOT NULL,
  status VARCHAR NOT NULL CHECK (status IN ('committed', 'rolled_back')),
  rolled_back_at TIMESTAMPTZ,
  rolled_back_by VARCHAR
);
-- No primary key here: uniqueness of (upload, unit, period) is checked by the ingest before commit,
-- and an index would slow the bulk append of national-scale files.
CREATE TABLE report_rows (
  upload_id INTEGER NOT NULL,
  line INTEGER NOT NULL,
  commune_code VARCHAR NOT NULL,
  commune_name VARCHAR,
  period VARCHAR NOT NULL,
  year SMALLINT NOT NULL,
  quarter TINYINT NOT NULL CHECK (quarter BETWEEN 1 AND 4),
${countColumns}
);
-- The current data: for each unit and period, the row of the latest committed upload.
-- Rolling an upload back marks it, and the row it replaced becomes current again.
CREATE VIEW current_reports AS
SELECT r.*
FROM report_rows r
JOIN uploads u ON u.id = r.upload_id AND u.status = 'committed'
QUALIFY row_number() OVER (PARTITION BY r.commune_code, r.period ORDER BY r.upload_id DESC) = 1;
-- The same data, long: one row per unit, period and count.
CREATE VIEW facts AS
SELECT commune_code, period, year, quarter, upload_id, count_name, value
FROM (UNPIVOT current_reports ON ${COUNT_FIELDS.join(", ")} INTO NAME count_name VALUE value);
`,
  },
  {
    version: 2,
    name: "accounts, sessions, login attempts, audit log, upload previews",
    sql: `
CREATE SEQUENCE user_id_seq START 1;
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username VARCHAR NOT NULL UNIQUE,
  display_name VARCHAR NOT NULL,
  role VARCHAR NOT NULL CHECK (role IN ('admin', 'staff', 'leader')),
  -- A leader is tied to one unit; the other roles to none.
  unit_code VARCHAR CHECK ((role = 'leader') = (unit_code IS NOT NULL)),
  password_hash VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  created_by VARCHAR NOT NULL,
  password_changed_at TIMESTAMPTZ NOT NULL,
  disabled_at TIMESTAMPTZ,
  disabled_by VARCHAR
);
-- Only the SHA-256 of a session id is stored: a copy of the database does not hand out live sessions.
CREATE TABLE sessions (
  id_hash VARCHAR PRIMARY KEY,
  user_id INTEGER NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,
  address VARCHAR,
  user_agent VARCHAR
);
-- Every login attempt, for the limits per account and per address (pruned after a day).
CREATE TABLE login_attempts (
  attempted_at TIMESTAMPTZ NOT NULL,
  username VARCHAR NOT NULL,
  address VARCHAR NOT NULL,
  success BOOLEAN NOT NULL
);
CREATE SEQUENCE audit_id_seq START 1;
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  logged_at TIMESTAMPTZ NOT NULL,
  actor VARCHAR,
  action VARCHAR NOT NULL,
  target VARCHAR,
  detail VARCHAR,
  address VARCHAR
);
-- A file checked by the server but not yet committed (the upload flow without JavaScript), for one session.
CREATE TABLE upload_previews (
  token_hash VARCHAR PRIMARY KEY,
  session_hash VARCHAR NOT NULL,
  user_id INTEGER NOT NULL,
  file_name VARCHAR NOT NULL,
  size INTEGER NOT NULL,
  sha256 VARCHAR NOT NULL,
  bytes BLOB NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL
);
`,
  },
  {
    version: 3,
    name: "drop the facts view (nothing reads it; the rankings read current_reports)",
    sql: "DROP VIEW IF EXISTS facts;",
  },
  {
    version: 4,
    name: "who restored a rolled-back upload, and when",
    // A restore sets the upload back to committed; rolled_back_* keep the rollback it undid.
    sql: `
ALTER TABLE uploads ADD COLUMN restored_at TIMESTAMPTZ;
ALTER TABLE uploads ADD COLUMN restored_by VARCHAR;
`,
  },
  {
    version: 5,
    name: "upload previews keep their bytes in files next to the database, not in a BLOB",
    // DuckDB does not reclaim deleted BLOBs: every preview grew the file for good. Previews waiting at the
    // upgrade are dropped (they live 30 minutes; the user checks the file again).
    sql: `
DROP TABLE upload_previews;
CREATE TABLE upload_previews (
  token_hash VARCHAR PRIMARY KEY,
  session_hash VARCHAR NOT NULL,
  user_id INTEGER NOT NULL,
  file_name VARCHAR NOT NULL,
  size INTEGER NOT NULL,
  sha256 VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL
);
`,
  },
  {
    version: 6,
    name: "commit keys: a retried commit returns the upload it made",
    sql: `
-- The SHA-256 of (account, preview token or the page's key): written in the commit's own transaction.
CREATE TABLE upload_commit_keys (
  key_hash VARCHAR PRIMARY KEY,
  upload_id INTEGER NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);
`,
  },
  {
    version: 7,
    name: "publications: what the public sees, frozen per unit and period, as of any date",
    sql: `
CREATE SEQUENCE publication_id_seq START 1;
-- One publication of one quarter: a version, who published it and when, and a withdrawal if any.
CREATE TABLE publications (
  id INTEGER PRIMARY KEY,
  period VARCHAR NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  published_at TIMESTAMPTZ NOT NULL,
  published_by VARCHAR NOT NULL,
  note VARCHAR,
  -- Registry units without a report in the period when it was published (confirmed by the publisher).
  missing_units VARCHAR[] NOT NULL,
  withdrawn_at TIMESTAMPTZ,
  withdrawn_by VARCHAR,
  withdraw_reason VARCHAR,
  UNIQUE (period, version),
  CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL))
);
-- What a publication froze: for every unit of the period, the upload whose row was current then.
CREATE TABLE publication_rows (
  publication_id INTEGER NOT NULL,
  commune_code VARCHAR NOT NULL,
  period VARCHAR NOT NULL,
  upload_id INTEGER NOT NULL,
  PRIMARY KEY (publication_id, commune_code)
);
-- A database from before publication existed: its periods count as published at the upgrade.
INSERT INTO publications (id, period, version, published_at, published_by, note, missing_units)
SELECT nextval('publication_id_seq'), period, 1, current_timestamp, 'upgrade', 'published at the upgrade to publications', []
FROM (SELECT DISTINCT period FROM current_reports ORDER BY period);
INSERT INTO publication_rows SELECT p.id, c.commune_code, c.period, c.upload_id FROM current_reports c JOIN publications p ON p.period = c.period;
-- The rows the public saw at an instant: per quarter, the newest publication made by then and not
-- withdrawn by then, and exactly the rows it froze (report rows are never deleted, only superseded).
CREATE MACRO published_reports(as_of) AS TABLE
SELECT r.*
FROM report_rows r
JOIN publication_rows pr ON pr.upload_id = r.upload_id AND pr.commune_code = r.commune_code AND pr.period = r.period
JOIN (
  SELECT period, max_by(id, version) AS id
  FROM publications
  WHERE published_at <= as_of AND (withdrawn_at IS NULL OR withdrawn_at > as_of)
  GROUP BY period
) p ON p.id = pr.publication_id;
`,
  },
  {
    version: 8,
    name: "units over time: validity, clusters, every span of a reused code, lineage",
    sql: `
-- The units table stays one row per code: the newest unit to carry it (what pages name it today).
ALTER TABLE units ADD COLUMN cluster VARCHAR;
ALTER TABLE units ADD COLUMN valid_from VARCHAR;
ALTER TABLE units ADD COLUMN valid_to VARCHAR;
-- Every unit that ever existed (units-over-time.md): a reused code once per span; NULL bounds = always, still.
CREATE TABLE unit_spans (
  code VARCHAR NOT NULL,
  valid_from VARCHAR,
  valid_to VARCHAR,
  name VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  cluster VARCHAR
);
INSERT INTO unit_spans SELECT code, NULL, NULL, name, kind, NULL FROM units;
-- Where an old unit's counts went: the part "share" of the predecessor (ending the quarter before
-- "effective") to the successor (starting at "effective").
CREATE TABLE lineage (
  predecessor_code VARCHAR NOT NULL,
  successor_code VARCHAR NOT NULL,
  effective VARCHAR NOT NULL,
  share DOUBLE NOT NULL CHECK (share > 0 AND share <= 1),
  PRIMARY KEY (predecessor_code, successor_code, effective)
);
`,
  },
  {
    version: 9,
    name: "data version: one counter bumped by every change a page can show",
    sql: `
-- Bumped in the transaction of every upload commit, rollback, restore, publication, withdrawal and registry
-- change (data-version.server.ts), so a cache keyed by it is never stale and a reader never sees a mix.
CREATE TABLE data_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version BIGINT NOT NULL
);
INSERT INTO data_version VALUES (1, 0);
`,
  },
];

export async function applyMigrations(conn: DuckDBConnection): Promise<void> {
  await conn.run(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp)`);
  const reader = await conn.runAndReadAll("SELECT version FROM schema_migrations");
  const applied = new Set(reader.getRows().map((r) => Number(r[0])));
  for (const m of MIGRATIONS) {
    if (applied.has(m.version)) continue;
    try {
      await inTransaction(conn, async (c) => {
        await c.run(m.sql);
        await c.run("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [m.version, m.name]);
      });
    } catch (error) {
      throw new Error(`migration ${m.version} (${m.name}) failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
}

export function latestSchemaVersion(): number {
  return MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
}
