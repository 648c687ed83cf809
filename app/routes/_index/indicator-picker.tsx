/**
 * The indicator selector: a GET form like the period picker, so it works without JavaScript (the button
 * submits it); with JavaScript it submits as soon as an indicator is chosen. The period rides along.
 */
import { Form } from "@remix-run/react";
import { RANKED_IDS, type RankedId } from "~/domain/indicators";
import { t } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";
import { indicatorLabel } from "~/i18n/format";

export interface IndicatorPickerProps {
  value: RankedId;
  /** Other search params to keep (name → value). */
  keep?: Record<string, string | undefined>;
  id?: string;
}

export function IndicatorPicker({ value, keep = {}, id = "indicator-picker" }: IndicatorPickerProps) {
  const lang = useLang();
  return (
    <Form method="get" className="indicator-picker" data-autosubmit="">
      {Object.entries(keep).map(([name, v]) => (v === undefined || v === "" ? null : <input key={name} type="hidden" name={name} value={v} />))}
      <label htmlFor={id}>{t(lang, "overview.indicator.label")}</label>
      <select id={id} name="indicator" defaultValue={value}>
        {RANKED_IDS.map((ind) => (
          <option key={ind} value={ind}>
            {indicatorLabel(lang, ind)}
          </option>
        ))}
      </select>
      <button type="submit">{t(lang, "picker.show")}</button>
    </Form>
  );
}
