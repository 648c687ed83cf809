import { useRouteLoaderData } from "@remix-run/react";
import type { SessionUser } from "~/domain/roles";
import type { District } from "~/config/registry.server";
import type { LoadedPeriods } from "~/domain/period";
import type { Lang } from "~/i18n/translate";

/** What the root loader gives every page's frame (app/root.tsx returns exactly this). */
export interface ShellData {
  lang: Lang;
  district: District;
  periods: LoadedPeriods;
  user: SessionUser | null;
}

/** The root loader's data; undefined only inside the root error boundary. */
export function useShellData() {
  return useRouteLoaderData<ShellData>("root");
}
