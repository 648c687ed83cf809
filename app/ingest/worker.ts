/**
 * The ingest in a Web Worker, so that a large file is read and checked without freezing the page. Bundled
 * on its own by scripts/build-worker.mjs (the Remix compiler does not bundle workers). It reads the file in
 * chunks, reporting progress, then runs the same validateReport as the server.
 */
import type { IngestResult, UnitLifespan } from "./types";
import { validateReport } from "./validate";

export interface IngestWorkerRequest {
  file: Blob;
  /** The unit registry as [code, name] pairs. */
  units: [string, string][];
  /** Codes valid only in some quarters, as [code, spans] pairs. */
  lifespans: [string, UnitLifespan[]][];
  maxBytes: number;
}

export type IngestWorkerMessage =
  | { type: "reading"; loaded: number; total: number }
  | { type: "checking" }
  | { type: "result"; result: IngestResult }
  | { type: "failed"; message: string };

interface WorkerScope {
  postMessage(message: IngestWorkerMessage): void;
  onmessage: ((event: MessageEvent<IngestWorkerRequest>) => void) | null;
}

async function readWithProgress(file: Blob, post: (m: IngestWorkerMessage) => void): Promise<Uint8Array> {
  const total = file.size;
  const bytes = new Uint8Array(total);
  const reader = file.stream().getReader();
  let loaded = 0;
  let lastReport = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes.set(value, loaded);
    loaded += value.byteLength;
    // About a hundred progress messages per file at most.
    if (loaded - lastReport >= total / 100 || loaded === total) {
      post({ type: "reading", loaded, total });
      lastReport = loaded;
    }
  }
  return loaded === total ? bytes : bytes.subarray(0, loaded);
}

export async function handleIngestRequest(request: IngestWorkerRequest, post: (m: IngestWorkerMessage) => void): Promise<void> {
  try {
    const bytes = await readWithProgress(request.file, post);
    post({ type: "checking" });
    post({ type: "result", result: validateReport(bytes, { units: new Map(request.units), lifespans: new Map(request.lifespans), maxBytes: request.maxBytes }) });
  } catch (error) {
    post({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  }
}

// In the worker bundle `self` is the worker's global scope; the module is also imported for its types.
if (typeof self !== "undefined" && typeof (self as { document?: unknown }).document === "undefined" && "postMessage" in self) {
  const scope = self as unknown as WorkerScope;
  scope.onmessage = (event) => {
    void handleIngestRequest(event.data, (m) => scope.postMessage(m));
  };
}
