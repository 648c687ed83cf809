/**
 * The emulation cluster (cụm thi đua) the overview is narrowed to, or all units: a GET form like the other
 * pickers, so it works without JavaScript and the choice lives in the URL (`cluster=`).
 */
import { Form } from "@remix-run/react";
import { t } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";

export interface ClusterPickerProps {
  value: string | null;
  clusters: readonly string[];
  /** Other parameters to keep. */
  keep?: Record<string, string | undefined>;
  id?: string;
}

export function ClusterPicker({ value, clusters, keep = {}, id = "cluster-picker" }: ClusterPickerProps) {
  const lang = useLang();
  return (
    <Form method="get" className="cluster-picker" data-autosubmit="">
      {Object.entries(keep).map(([name, v]) => (v === undefined || v === "" ? null : <input key={name} type="hidden" name={name} value={v} />))}
      <label htmlFor={id}>{t(lang, "overview.cluster.label")}</label>
      <select id={id} name="cluster" defaultValue={value ?? ""}>
        <option value="">{t(lang, "overview.cluster.all")}</option>
        {clusters.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      <button type="submit">{t(lang, "picker.show")}</button>
    </Form>
  );
}
