/**
 * The caller-facing wrapper: decides the empty state outside the chart (STYLE.md "Charts") and pairs
 * the chart with its data table in a <details>, so the numbers are one click away without JavaScript.
 *
 *   <ChartFrame isEmpty={isTrendLineEmpty(data)} emptyText={t(lang, "chart.noData")}
 *     tableSummary={t(lang, "chart.showTable")}
 *     chart={<TrendLine … />} table={<TrendLineTable … />} />
 */
import type { ReactNode } from "react";

export interface ChartFrameProps {
  /** From the chart's `is…Empty(data)`; when true neither chart nor table is rendered. */
  isEmpty: boolean;
  /** Translated, e.g. "Chưa có số liệu cho kỳ này". */
  emptyText: string;
  /** Translated label of the <summary>, e.g. "Xem bảng số liệu". */
  tableSummary: string;
  chart: ReactNode;
  table: ReactNode;
  /** Open the table by default (e.g. in print views). */
  tableOpen?: boolean;
  className?: string;
}

export function ChartFrame({ isEmpty, emptyText, tableSummary, chart, table, tableOpen, className }: ChartFrameProps) {
  const classes = ["pb-chart-frame", className].filter(Boolean).join(" ");
  if (isEmpty) {
    return (
      <figure className={classes}>
        <p className="pb-chart-empty">{emptyText}</p>
      </figure>
    );
  }
  return (
    <figure className={classes}>
      {chart}
      <details className="pb-chart-details" open={tableOpen}>
        <summary>{tableSummary}</summary>
        {table}
      </details>
    </figure>
  );
}
