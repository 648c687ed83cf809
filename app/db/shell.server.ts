/**
 * What every page's frame needs: the district's name and the periods that have data (for the picker).
 */
import { getEnv } from "~/env.server";
import type { LoadedPeriods } from "./periods.server";
import { getLoadedPeriods } from "./periods.server";
import { readDistrict, type District } from "./registry.server";
import { getAppDb } from "./setup.server";

export interface ShellData {
  district: District;
  periods: LoadedPeriods;
}

let district: District | undefined;

export async function getShellData(): Promise<ShellData> {
  district ??= readDistrict(getEnv().DATA_DIR);
  return { district, periods: await getLoadedPeriods(await getAppDb()) };
}
