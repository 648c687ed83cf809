/**
 * Checking a file in the browser before anything is sent: read it (in the ingest Web Worker when there is
 * one, with progress), validate it with the same validateReport as the server, fetch the current data of its
 * periods and work out what it would change.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { z } from "zod";
import { COUNT_FIELDS } from "~/domain/report-fields";
import { diffAgainstCurrent } from "~/ingest/diff";
import type { CurrentReport, IngestResult, UnitLifespan } from "~/ingest/types";
import { validateReport } from "~/ingest/validate";
import type { IngestWorkerMessage, IngestWorkerRequest } from "~/ingest/worker";
import { buildPreviewView, failedView, tooLargeIssue, type PreviewView } from "./preview-model";

export type ClientCheck =
  | { phase: "idle" }
  | { phase: "reading"; fileName: string; loaded: number; total: number }
  | { phase: "checking"; fileName: string }
  | { phase: "comparing"; fileName: string }
  | { phase: "done"; file: File; view: PreviewView }
  | { phase: "failed"; fileName: string; message: string };

const currentSchema = z.object({
  rows: z.array(
    z.object({
      communeCode: z.string(),
      period: z.string(),
      uploadId: z.number().int(),
      counts: z.record(z.enum(COUNT_FIELDS), z.number().int().nonnegative()),
    }),
  ),
});

async function fetchCurrent(periods: readonly string[]): Promise<CurrentReport[]> {
  const params = new URLSearchParams(periods.map((p) => ["period", p]));
  const res = await fetch(`/upload/current?${params.toString()}`, { headers: { Accept: "application/json" }, credentials: "same-origin" });
  if (!res.ok) throw new Error(`/upload/current: HTTP ${res.status}`);
  return currentSchema.parse(await res.json()).rows;
}

class WorkerStartError extends Error {
  override name = "WorkerStartError";
}

function checkInWorker(workerUrl: string, request: IngestWorkerRequest, onProgress: (m: IngestWorkerMessage) => void): Promise<IngestResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl);
    let started = false;
    worker.onmessage = (event: MessageEvent<IngestWorkerMessage>) => {
      started = true;
      const m = event.data;
      if (m.type === "result") {
        worker.terminate();
        resolve(m.result);
      } else if (m.type === "failed") {
        worker.terminate();
        reject(new Error(m.message));
      } else onProgress(m);
    };
    worker.onerror = (event) => {
      worker.terminate();
      const message = event.message || "the ingest worker failed";
      reject(started ? new Error(message) : new WorkerStartError(message));
    };
    worker.postMessage(request);
  });
}

/** Lets the browser paint (the progress bar) before a long synchronous step. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function checkOnMainThread(
  file: File,
  units: ReadonlyMap<string, string>,
  lifespans: ReadonlyMap<string, UnitLifespan[]>,
  maxBytes: number,
): Promise<IngestResult> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  await nextFrame();
  return validateReport(bytes, { units, lifespans, maxBytes });
}

export function useClientPreview(options: {
  units: readonly { code: string; name: string }[];
  /** Codes valid only in some quarters (units-over-time.md rule 1), as [code, spans] pairs. */
  lifespans: [string, UnitLifespan[]][];
  maxBytes: number;
  workerUrl: string | null;
}) {
  const { units, lifespans, maxBytes, workerUrl } = options;
  const [state, setState] = useState<ClientCheck>({ phase: "idle" });
  // Each check has a number; a slower earlier check must not overwrite a later one.
  const run = useRef(0);
  useEffect(
    () => () => {
      run.current += 1;
    },
    [],
  );

  const check = useCallback(
    async (file: File) => {
      const mine = ++run.current;
      const update = (next: ClientCheck) => {
        if (run.current === mine) setState(next);
      };
      const fileName = file.name;
      if (file.size > maxBytes) {
        update({ phase: "done", file, view: failedView(fileName, file.size, tooLargeIssue(file.size, maxBytes)) });
        return;
      }
      update({ phase: "reading", fileName, loaded: 0, total: file.size });
      try {
        const registry = new Map(units.map((u) => [u.code, u.name]));
        let result: IngestResult | null = null;
        if (workerUrl && typeof Worker !== "undefined") {
          result = await checkInWorker(workerUrl, { file, units: [...registry], lifespans, maxBytes }, (m) => {
            if (m.type === "reading") update({ phase: "reading", fileName, loaded: m.loaded, total: m.total });
            else if (m.type === "checking") update({ phase: "checking", fileName });
          }).catch((error: unknown) => {
            // A worker that cannot start (its bundle replaced by a rebuild, say) leaves the page to do the work.
            if (error instanceof WorkerStartError) return null;
            throw error;
          });
        }
        result ??= await checkOnMainThread(file, registry, new Map(lifespans), maxBytes);
        let changes: ReturnType<typeof diffAgainstCurrent> = [];
        if (result.ok) {
          update({ phase: "comparing", fileName });
          changes = diffAgainstCurrent(result.rows, await fetchCurrent(result.periods));
        }
        update({ phase: "done", file, view: buildPreviewView({ fileName, size: file.size, sha256: null, result, changes }) });
      } catch (error) {
        update({ phase: "failed", fileName, message: error instanceof Error ? error.message : String(error) });
      }
    },
    [units, maxBytes, workerUrl],
  );

  const reset = useCallback(() => {
    run.current += 1;
    setState({ phase: "idle" });
  }, []);

  return { state, check, reset };
}
