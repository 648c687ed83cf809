/**
 * A data folder for a larger place than the sample district (scripts/bench/data-dir.ts, shared with the
 * page benchmark), so that `startServer({ seed: true, dataDir })` serves it.
 */
export { makeSyntheticDataDir, type SyntheticDataDir } from "../../scripts/bench/data-dir";
