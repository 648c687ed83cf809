import { useRouteLoaderData } from "@remix-run/react";
import type { loader } from "~/root";

/** The root loader's data (language, district, loaded periods); undefined only inside the root error boundary. */
export function useShellData() {
  return useRouteLoaderData<typeof loader>("root");
}
