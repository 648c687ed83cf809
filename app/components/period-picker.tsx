/**
 * The period picker: a GET form, so it works without JavaScript (a button submits it); with JavaScript it
 * submits as soon as a period is chosen. Other URL state (indicator, units, sort) rides along as hidden fields.
 */
import { Form } from "@remix-run/react";
import { formatPeriod } from "~/i18n/format";
import { t } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";
import { useShellData } from "./use-shell-data";

export interface PeriodPickerProps {
  /** The selected period id. */
  value: string;
  /** Other search params to keep (name → value). */
  keep?: Record<string, string | undefined>;
  /** Offer only years (the contest view) or only quarters. */
  only?: "year" | "quarter";
  id?: string;
}

export function PeriodPicker({ value, keep = {}, only, id = "period-picker" }: PeriodPickerProps) {
  const lang = useLang();
  const shell = useShellData();
  const quarters = only === "year" ? [] : [...(shell?.periods.quarters ?? [])].reverse();
  const years = only === "quarter" ? [] : [...(shell?.periods.years ?? [])].reverse();
  return (
    <Form method="get" className="period-picker" data-autosubmit="">
      {Object.entries(keep).map(([name, v]) => (v === undefined || v === "" ? null : <input key={name} type="hidden" name={name} value={v} />))}
      <label htmlFor={id}>{t(lang, "picker.period")}</label>
      <select id={id} name={only === "year" ? "year" : "period"} defaultValue={value}>
        {years.length > 0 ? (
          <optgroup label={t(lang, "picker.years")}>
            {years.map((y) => (
              <option key={y} value={y}>
                {formatPeriod(lang, y)}
              </option>
            ))}
          </optgroup>
        ) : null}
        {quarters.length > 0 ? (
          <optgroup label={t(lang, "picker.quarters")}>
            {quarters.map((q) => (
              <option key={q} value={q}>
                {formatPeriod(lang, q)}
              </option>
            ))}
          </optgroup>
        ) : null}
      </select>
      <button type="submit">
        {t(lang, "picker.show")}
      </button>
    </Form>
  );
}
