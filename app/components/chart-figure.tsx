/**
 * A chart with its table on a page: the charts' ChartFrame with the page's words for "no data" and "show
 * the table" in the reader's language (charts hold no language of their own).
 */
import { ChartFrame, type ChartFrameProps } from "~/charts/chart-frame";
import { t } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";

export function ChartFigure(props: Omit<ChartFrameProps, "emptyText" | "tableSummary">) {
  const lang = useLang();
  return <ChartFrame {...props} emptyText={t(lang, "chart.noData")} tableSummary={t(lang, "chart.showTable")} />;
}
