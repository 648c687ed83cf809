/**
 * The choice of units to compare: a plain GET form with one checkbox per unit, so it works without
 * JavaScript. The loader turns the repeated `units` of a submitted form into one comma-separated value.
 */
import { Form } from "@remix-run/react";
import { t } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";

export interface CompareFormProps {
  allUnits: readonly { code: string; name: string }[];
  selected: readonly string[];
  period: string | null;
  min: number;
  max: number;
}

export function CompareForm({ allUnits, selected, period, min, max }: CompareFormProps) {
  const lang = useLang();
  const chosen = new Set(selected);
  return (
    <Form method="get" action="/compare" className="compare-form" key={selected.join(",")}>
      {period ? <input type="hidden" name="period" value={period} /> : null}
      <fieldset>
        <legend>{t(lang, "compare.form.legend", { min, max })}</legend>
        <ul className="compare-choices">
          {allUnits.map((u) => (
            <li key={u.code}>
              <label>
                <input type="checkbox" name="units" value={u.code} defaultChecked={chosen.has(u.code)} /> {u.name}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <button type="submit">{t(lang, "compare.form.submit")}</button>
    </Form>
  );
}
