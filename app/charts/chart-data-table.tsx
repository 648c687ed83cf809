/**
 * Every chart's numbers as an HTML table (for screen readers, keyboard users and people who would rather
 * read). Each chart builds a plain `DataTableModel` with a pure function; this component renders any of
 * them, so all chart tables look and behave the same.
 */

export interface DataTableColumn {
  key: string;
  header: string;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
}

export interface DataTableRow {
  key: string;
  /** The row's header cell (first column, `<th scope="row">`). */
  header: string;
  cells: readonly string[];
  /** Consecutive rows with the same group share a `<tbody>` headed by `<th scope="rowgroup">`. */
  group?: string;
}

export interface DataTableModel {
  caption: string;
  /** Header of the first column, above the row headers. */
  rowHeader: string;
  columns: readonly DataTableColumn[];
  rows: readonly DataTableRow[];
}

function groupRows(rows: readonly DataTableRow[]): { group: string | undefined; rows: DataTableRow[] }[] {
  const groups: { group: string | undefined; rows: DataTableRow[] }[] = [];
  for (const row of rows) {
    const last = groups[groups.length - 1];
    if (last && last.group === row.group) last.rows.push(row);
    else groups.push({ group: row.group, rows: [row] });
  }
  return groups;
}

const numericStyle = { textAlign: "right", fontVariantNumeric: "tabular-nums" } as const;

export function ChartDataTable({ model, id }: { model: DataTableModel; id?: string }) {
  for (const row of model.rows) {
    if (row.cells.length !== model.columns.length) {
      throw new Error(`row ${row.key} has ${row.cells.length} cells for ${model.columns.length} columns`);
    }
  }
  return (
    <table className="pb-chart-table" id={id}>
      <caption>{model.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{model.rowHeader}</th>
          {model.columns.map((c) => (
            <th key={c.key} scope="col" style={c.numeric ? numericStyle : undefined}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      {groupRows(model.rows).map((g, gi) => (
        <tbody key={`${gi}-${g.group ?? ""}`}>
          {g.group !== undefined ? (
            <tr>
              <th scope="rowgroup" colSpan={model.columns.length + 1}>
                {g.group}
              </th>
            </tr>
          ) : null}
          {g.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.header}</th>
              {row.cells.map((cell, i) => {
                const column = model.columns[i];
                return (
                  <td key={column?.key ?? i} style={column?.numeric ? numericStyle : undefined}>
                    {cell}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}

/**
 * The table of a chart over periods (trend line, bump chart, small multiples): one row per series, its
 * label heading the row, and one numeric column per period.
 */
export function periodTableModel<S extends { key: string; label: string; group?: string }>(
  caption: string,
  rowHeader: string,
  periods: readonly string[],
  series: readonly S[],
  cellsOf: (series: S) => readonly string[],
): DataTableModel {
  return {
    caption,
    rowHeader,
    columns: periods.map((p) => ({ key: p, header: p, numeric: true })),
    rows: series.map((s) => ({ key: s.key, header: s.label, group: s.group, cells: cellsOf(s) })),
  };
}
