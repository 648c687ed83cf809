/**
 * Which figures this request may read (app/domain/publication.ts): staff and admins the draft, everyone
 * else what is published now; anyone asking `?as_of=` what was published on that date.
 */
import { getSessionUser } from "~/auth/guards.server";
import type { Db } from "~/db/instance.server";
import { getPeriodStatus, type PeriodStatus } from "~/db/publications.server";
import { dataViewFor, type DataView } from "~/domain/publication";
import { can } from "~/domain/roles";

export function dataViewOf(context: unknown, asOf: string | undefined, now = new Date()): DataView {
  const user = getSessionUser(context);
  return dataViewFor({ seesDrafts: can(user?.role, "viewDrafts") }, asOf, now);
}

export interface PagePublication {
  /** The period the page shows (a quarter or a year id). */
  period: string;
  status: PeriodStatus;
  asOf: string | null;
  /** The same address without `as_of`: the rankings standing today. */
  currentHref: string;
  /** When the page was made (ISO): the printout's "printed on". */
  printedAt: string;
}

/** What the page's period is for this reader (draft or published, which version), for its notice. */
export async function pagePublication(db: Db, period: string, view: DataView, request: Request, now = new Date()): Promise<PagePublication> {
  const url = new URL(request.url);
  url.searchParams.delete("as_of");
  const search = url.searchParams.toString();
  return {
    period,
    printedAt: now.toISOString(),
    status: await getPeriodStatus(db, period, view, now),
    asOf: view.kind === "published" ? view.asOf : null,
    currentHref: `${url.pathname}${search ? `?${search}` : ""}`,
  };
}
