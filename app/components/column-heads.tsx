/**
 * A table's column headings, one row of `<th scope="col">`: every table of the house heads its columns this
 * way, so a heading's scope and its numeric alignment ("num") are decided once. A null entry is a column
 * the table leaves out.
 */
import { t, type Lang } from "~/i18n/translate";

export interface Column {
  label: string;
  className?: string;
}

/** The first two columns of every ranks table: the rank ("4/20 ▲2") and the unit. */
export function rankAndUnitColumns(lang: Lang, rankKey = "overview.col.rank"): Column[] {
  return [{ label: t(lang, rankKey) }, { label: t(lang, "overview.col.unit") }];
}

export function ColumnHeads({ columns }: { columns: readonly (Column | null)[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c, i) =>
          c === null ? null : (
            <th key={i} scope="col" className={c.className}>
              {c.label}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}
