/**
 * Renders a chart the way the server does and normalises the markup for file snapshots: numbers rounded
 * to 2 decimals (no float noise), the chart id replaced by "ID", one tag per line so diffs are readable.
 */
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";

function roundNumber(n: string): string {
  const rounded = Math.round(Number(n) * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** Only attribute values are rounded: text content holds formatted figures such as "1.234" (Vietnamese). */
export function normaliseMarkup(markup: string, id?: string): string {
  let out = markup.replace(
    /="([^"]*)"/g,
    (_, value: string) => `="${value.replace(/-?\d+\.\d+(?:e-?\d+)?/g, roundNumber)}"`,
  );
  if (id) out = out.split(id).join("ID");
  // React writes empty SVG elements as <line …></line>; self-closing reads better in a diff.
  out = out.replace(/<(\w+)([^<>]*)><\/\1>/g, "<$1$2/>");
  return `${out.replace(/></g, ">\n<")}\n`;
}

export function renderChart(element: ReactElement, id?: string): string {
  return normaliseMarkup(renderToStaticMarkup(element), id);
}

/** Vietnamese number formats as the app's i18n produces them, written out so no ICU version can change them. */
export function formatPercentVi(n: number): string {
  return `${(n * 100).toFixed(1).replace(".", ",")} %`;
}

export function formatPercentTickVi(n: number): string {
  return `${Math.round(n * 100)} %`;
}

export function formatCountVi(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}
