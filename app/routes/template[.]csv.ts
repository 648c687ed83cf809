import type { LoaderFunctionArgs } from "@remix-run/node";
import { getStandingUnits } from "~/db/units.server";
import { getAppDb } from "~/db/setup.server";
import { buildTemplateRows } from "~/domain/template";
import { toCsv } from "~/domain/csv-export";
import { getLang } from "~/i18n/lang.server";

/**
 * GET /template.csv: an empty report for Excel. Line 1 holds the column names, line 2 the Vietnamese
 * headers that explain them (the import skips such a second header line), then one line per unit that
 * still exists (a unit merged away is not asked for) with its code and name filled in. Vietnamese readers get `;` (what a Vietnamese-locale Excel expects),
 * English readers `,`; `?delimiter=comma|semicolon` overrides.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const lang = getLang(request);
  const asked = new URL(request.url).searchParams.get("delimiter");
  const delimiter = asked === "comma" ? "," : asked === "semicolon" ? ";" : lang === "vi" ? ";" : ",";
  const units = await getStandingUnits(await getAppDb());
  return new Response(toCsv(buildTemplateRows(units), delimiter), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="parboard-template.csv"`,
    },
  });
}
