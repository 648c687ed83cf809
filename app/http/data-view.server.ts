/**
 * Which figures this request may read (app/domain/publication.ts): staff and admins the draft, everyone
 * else what is published now; anyone asking `?as_of=` what was published on that date.
 */
import { getSessionUser } from "~/auth/guards.server";
import { dataViewFor, type DataView } from "~/domain/publication";
import { can } from "~/domain/roles";

export function dataViewOf(context: unknown, asOf: string | undefined, now = new Date()): DataView {
  const user = getSessionUser(context);
  return dataViewFor({ seesDrafts: can(user?.role, "viewDrafts") }, asOf, now);
}
