/**
 * Publications (shared spec publication.md): staff or an admin publish a quarter, which freezes for every
 * unit the upload that is current; a correction changes the draft until the quarter is published again
 * (version 2, …); an admin withdraws a version with a reason. Each act and its audit row are one
 * transaction. What the public sees is read through reports-source.server.ts.
 */
import { INTEGER, LIST, VARCHAR, listValue, type DuckDBConnection, type DuckDBType, type DuckDBValue } from "@duckdb/node-api";
import { z } from "zod";
import { sameFrozenSet, type DataView } from "~/domain/publication";
import { insertAudit } from "./audit.server";
import { bumpDataVersion } from "./data-version.server";
import { plainValue, type Db } from "./instance.server";

/** Who acts, from where, and when: written to the publication and to the audit log. */
export interface PublicationActor {
  actor: string;
  address: string | null;
  now: Date;
}

export type PublishOutcome =
  | { kind: "published"; version: number; units: number; missing: string[] }
  /** Nothing changed since the standing version: publishing again makes no new version. */
  | { kind: "unchanged"; version: number }
  | { kind: "noData" }
  /** Registry units without a report; publishing needs `allowMissing`. */
  | { kind: "missingUnits"; missing: string[] };

export type WithdrawOutcome = { kind: "withdrawn"; version: number } | { kind: "notPublished" };

const frozenSchema = z.object({ commune_code: z.string(), upload_id: z.number().int() });
const standingSchema = z.object({ id: z.number().int(), version: z.number().int() });

/** A read inside the transaction, parsed like Db.query's. */
async function rowsOf<S extends z.ZodType>(conn: DuckDBConnection, sql: string, params: DuckDBValue[], schema: S, types?: DuckDBType[]): Promise<z.infer<S>[]> {
  const reader = await conn.runAndReadAll(sql, params, types);
  return reader.getRowObjectsJS().map((row) => schema.parse(plainValue(row)));
}

/** The newest version of a period that is not withdrawn, on a connection inside a transaction. */
async function standingVersion(conn: DuckDBConnection, period: string): Promise<{ id: number; version: number } | null> {
  const [row] = await rowsOf(conn, "SELECT id, version FROM publications WHERE period = $1 AND withdrawn_at IS NULL ORDER BY version DESC LIMIT 1", [period], standingSchema);
  return row ?? null;
}

/**
 * Publishes `period` as it stands in the current data. Refuses a period without data, and one with
 * registry units missing unless `allowMissing`; makes no new version when nothing changed.
 */
export async function publishPeriod(
  db: Db,
  request: { period: string; note: string | null; allowMissing: boolean },
  by: PublicationActor,
): Promise<PublishOutcome> {
  return db.transaction(async (conn) => {
    const frozen = await rowsOf(conn, "SELECT commune_code, upload_id FROM current_reports WHERE period = $1 ORDER BY commune_code", [request.period], frozenSchema);
    if (frozen.length === 0) return { kind: "noData" };
    const missing = (
      await rowsOf(
        conn,
        // The units that exist in the quarter (units-over-time.md): a merged-away unit is not "missing".
        `SELECT DISTINCT code FROM unit_spans
         WHERE NOT list_contains($1::VARCHAR[], code) AND coalesce(valid_from, '0000-Q1') <= $2 AND $2 <= coalesce(valid_to, '9999-Q4')
         ORDER BY code`,
        [listValue(frozen.map((f) => f.commune_code)), request.period],
        z.object({ code: z.string() }),
      )
    ).map((u) => u.code);
    if (missing.length > 0 && !request.allowMissing) return { kind: "missingUnits", missing };

    const standing = await standingVersion(conn, request.period);
    if (standing) {
      const before = await rowsOf(conn, "SELECT commune_code, upload_id FROM publication_rows WHERE publication_id = $1", [standing.id], frozenSchema);
      const asMap = (rows: readonly { commune_code: string; upload_id: number }[]) => new Map(rows.map((r) => [r.commune_code, r.upload_id]));
      if (sameFrozenSet(asMap(before), asMap(frozen))) return { kind: "unchanged", version: standing.version };
    }
    const [last] = await rowsOf(conn, "SELECT coalesce(max(version), 0)::INTEGER AS v FROM publications WHERE period = $1", [request.period], z.object({ v: z.number().int() }));
    const version = (last?.v ?? 0) + 1;
    const [created] = await rowsOf(
      conn,
      `INSERT INTO publications (id, period, version, published_at, published_by, note, missing_units)
       VALUES (nextval('publication_id_seq'), $1, $2, $3::TIMESTAMPTZ, $4, $5, $6) RETURNING id`,
      [request.period, version, by.now.toISOString(), by.actor, request.note, listValue(missing)],
      z.object({ id: z.number().int() }),
      // Typed, because an empty list of missing units has no item type of its own.
      [VARCHAR, INTEGER, VARCHAR, VARCHAR, VARCHAR, LIST(VARCHAR)],
    );
    if (!created) throw new Error("the publication row was not created");
    await conn.run(
      `INSERT INTO publication_rows SELECT $1, commune_code, period, upload_id FROM current_reports WHERE period = $2`,
      [created.id, request.period],
    );
    await insertAudit(
      conn,
      {
        actor: by.actor,
        action: "period.publish",
        target: request.period,
        detail: { version, units: frozen.length, missing, ...(request.note ? { note: request.note } : {}) },
        address: by.address,
      },
      by.now,
    );
    await bumpDataVersion(conn);
    return { kind: "published", version, units: frozen.length, missing };
  });
}

const periodSchema = z.object({ period: z.string() });

/**
 * Publishes every quarter with data (for back-fills and the sample: `npm run publish -- --all`), one
 * transaction each; a quarter whose draft equals its standing version is left as it is.
 */
export async function publishAll(
  db: Db,
  request: { note: string | null; allowMissing: boolean },
  by: PublicationActor,
): Promise<{ period: string; outcome: PublishOutcome }[]> {
  const periods = await db.query("SELECT DISTINCT period FROM current_reports ORDER BY period", [], periodSchema);
  const results: { period: string; outcome: PublishOutcome }[] = [];
  for (const { period } of periods) results.push({ period, outcome: await publishPeriod(db, { period, ...request }, by) });
  return results;
}

/** Withdraws the standing version of `period` with a reason; the version before it (if any) stands again. */
export async function withdrawPublication(db: Db, request: { period: string; reason: string }, by: PublicationActor): Promise<WithdrawOutcome> {
  return db.transaction(async (conn) => {
    const standing = await standingVersion(conn, request.period);
    if (!standing) return { kind: "notPublished" };
    await conn.run("UPDATE publications SET withdrawn_at = $1::TIMESTAMPTZ, withdrawn_by = $2, withdraw_reason = $3 WHERE id = $4", [
      by.now.toISOString(),
      by.actor,
      request.reason,
      standing.id,
    ]);
    await insertAudit(
      conn,
      { actor: by.actor, action: "period.withdraw", target: request.period, detail: { version: standing.version, reason: request.reason }, address: by.address },
      by.now,
    );
    await bumpDataVersion(conn);
    return { kind: "withdrawn", version: standing.version };
  });
}

const publicationSchema = z.object({
  period: z.string(),
  version: z.number().int(),
  published_at: z.string(),
  published_by: z.string(),
  note: z.string().nullable(),
  missing_units: z.array(z.string()),
  withdrawn_at: z.string().nullable(),
  withdrawn_by: z.string().nullable(),
  withdraw_reason: z.string().nullable(),
});
export type Publication = z.infer<typeof publicationSchema>;

const ISO = (column: string) => `strftime(${column} AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ')`;

/** Every publication, newest first; the publisher by display name (this list can be public). */
export async function getPublications(db: Db): Promise<Publication[]> {
  return db.query(
    `SELECT p.period, p.version, ${ISO("p.published_at")} AS published_at, coalesce(u.display_name, p.published_by) AS published_by, p.note,
            p.missing_units, ${ISO("p.withdrawn_at")} AS withdrawn_at, p.withdrawn_by, p.withdraw_reason
     FROM publications p LEFT JOIN users u ON u.username = p.published_by
     ORDER BY p.published_at DESC, p.period DESC`,
    [],
    publicationSchema,
  );
}

const statusSchema = z.object({
  period: z.string(),
  version: z.number().int().nullable(),
  published_at: z.string().nullable(),
  changed: z.boolean(),
});
/** Per quarter with data: its standing version as of `at` (null: a draft) and whether the draft differs from it. */
export type PeriodPublication = z.infer<typeof statusSchema>;

export async function getPeriodPublications(db: Db, at: Date): Promise<PeriodPublication[]> {
  return db.query(
    `WITH standing AS (
       SELECT period, max_by(id, version) AS id, max(version) AS version, max_by(published_at, version) AS published_at
       FROM publications WHERE published_at <= $1::TIMESTAMPTZ AND (withdrawn_at IS NULL OR withdrawn_at > $1::TIMESTAMPTZ)
       GROUP BY period
     ),
     periods AS (SELECT DISTINCT period FROM current_reports UNION SELECT period FROM standing)
     SELECT pe.period, s.version::INTEGER AS version, ${ISO("s.published_at")} AS published_at,
            -- The draft differs when a unit's current upload is not the one the standing version froze.
            coalesce(s.id IS NOT NULL AND (
              EXISTS (SELECT 1 FROM current_reports c WHERE c.period = pe.period
                      AND NOT EXISTS (SELECT 1 FROM publication_rows r WHERE r.publication_id = s.id AND r.commune_code = c.commune_code AND r.upload_id = c.upload_id))
              OR EXISTS (SELECT 1 FROM publication_rows r WHERE r.publication_id = s.id
                      AND NOT EXISTS (SELECT 1 FROM current_reports c WHERE c.period = pe.period AND c.commune_code = r.commune_code))
            ), false) AS changed
     FROM periods pe LEFT JOIN standing s ON s.period = pe.period
     ORDER BY pe.period`,
    [at.toISOString()],
    statusSchema,
  );
}

/**
 * Per quarter published by `at`: its standing version then, as `getPeriodPublications` gives it, without
 * the quarters never published and without comparing each draft with its publication (`changed` is false).
 */
export async function getStandingVersions(db: Db, at: Date): Promise<PeriodPublication[]> {
  return db.query(
    `SELECT period, max(version)::INTEGER AS version, ${ISO("max_by(published_at, version)")} AS published_at, false AS changed
     FROM publications WHERE published_at <= $1::TIMESTAMPTZ AND (withdrawn_at IS NULL OR withdrawn_at > $1::TIMESTAMPTZ)
     GROUP BY period
     ORDER BY period`,
    [at.toISOString()],
    statusSchema,
  );
}

/** What a reader is shown for one period: draft or published, which version, when, and the version standing now. */
export interface PeriodStatus {
  status: "published" | "draft";
  /** The version shown (a quarter), null for a draft never published or a year. */
  publication: number | null;
  publishedAt: string | null;
  /** The version standing today, when the reader asked for an older date and it differs. */
  newerVersion: number | null;
}

/**
 * The status of `period` in `view` (spec publication.md): in the draft, a quarter is a draft when it was
 * never published or has corrections not yet published; in a published view it is the version standing
 * at the view's instant. A year is published as far as its quarters are.
 */
export async function getPeriodStatus(db: Db, period: string, view: DataView, now = new Date()): Promise<PeriodStatus> {
  // Only a draft asks whether it differs from what stands: a published view reads the standing versions alone,
  // which spares every public page the comparison of every quarter's draft with its publication.
  const [shown, today] = await Promise.all([
    view.kind === "published" ? getStandingVersions(db, view.at) : getPeriodPublications(db, now),
    view.kind === "published" && view.asOf !== null ? getStandingVersions(db, now) : null,
  ]);
  const isYear = /^\d{4}$/.test(period);
  const rows = shown.filter((p) => (isYear ? p.period.startsWith(`${period}-`) : p.period === period));
  const draft = view.kind === "draft" && rows.some((r) => r.version === null || r.changed);
  const latest = rows.map((r) => r.published_at).filter((d): d is string => d !== null).sort().at(-1) ?? null;
  const own = isYear ? null : (rows[0]?.version ?? null);
  const current = isYear ? null : (today?.find((p) => p.period === period)?.version ?? null);
  return {
    status: draft ? "draft" : "published",
    publication: own,
    publishedAt: latest,
    newerVersion: current !== null && own !== null && current !== own ? current : null,
  };
}
