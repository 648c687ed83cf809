import { z } from "zod";
import { COUNT_FIELDS, type CountField } from "~/domain/report-fields";

/** Zod shape of the counts, one non-negative integer per field: for rows read back from the database. */
export const countsShape = Object.fromEntries(COUNT_FIELDS.map((f) => [f, z.number().int().nonnegative()])) as Record<CountField, z.ZodNumber>;
