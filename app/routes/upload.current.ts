import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { z } from "zod";
import { requirePermission } from "~/auth/guards.server";
import { getAppDb } from "~/db/setup.server";
import { getCurrentReports } from "~/db/uploads.server";
import { periodIdSchema } from "~/ingest/types";

const paramsSchema = z.array(periodIdSchema).min(1).max(200);

/**
 * GET /upload/current?period=2023-Q4[&period=…]: the current data of those periods, for the diff the upload
 * page computes in the browser. Staff and administrators only.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "upload");
  const periods = paramsSchema.safeParse(new URL(request.url).searchParams.getAll("period"));
  if (!periods.success) return json({ error: "period: one or more YYYY-Qn" }, { status: 400 });
  const rows = await getCurrentReports(await getAppDb(), periods.data);
  return json({ rows }, { headers: { "Cache-Control": "private, no-store" } });
}
