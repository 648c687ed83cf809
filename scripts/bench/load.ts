/**
 * Loading the server with autocannon (decision 015) for `bench:pages`: one path, N keep-alive connections
 * for a fixed time, as an anonymous reader sending no Accept-Encoding (so identity bodies), and the CPU time
 * the load generator and the server each spent meanwhile (on a 2-core machine they share the cores, so a
 * static file's req/s is partly autocannon's own ceiling). Also the tally of bodies seen during a run, for
 * the check that a reader never gets a mix of the data before and after an upload.
 */
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import autocannon from "autocannon";

export interface LoadFigures {
  /** Responses received (any status). */
  responses: number;
  /** How long the load ran, in seconds. */
  seconds: number;
  /** Mean responses per second. */
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  /** Socket errors and timeouts (autocannon's `errors` counts both). */
  errors: number;
  timeouts: number;
  /** CPU seconds per second of the run: this process (autocannon) and the server's. */
  loaderCpu: number;
  serverCpu: number | null;
}

export interface LoadOptions {
  url: string;
  path: string;
  connections: number;
  seconds: number;
  serverPid: number;
  /** Called with every response's status and body (autocannon's per-request `onResponse`). */
  onResponse?: (status: number, body: string) => void;
  /**
   * Goes on past `seconds` until this settles and 2 × connections responses more have arrived (at least a
   * second more), so that each connection has, as a rule, read the page after it; at most 60 s more: a
   * server that renders every request falls so far behind 50 connections that most of them time out.
   */
  extendUntil?: Promise<unknown>;
}

let clockTicks: number | null = null;

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * A process's CPU seconds so far from /proc/PID/stat (utime + stime, fields 14 and 15), or null where there
 * is no /proc (not Linux): the figure is then left out, not guessed.
 */
function processCpuSeconds(pid: number): number | null {
  const file = `/proc/${pid}/stat`;
  if (!fs.existsSync(file)) return null;
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis start at field 3.
  const stat = fs.readFileSync(file, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  clockTicks ??= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
  return (Number(fields[11]) + Number(fields[12])) / clockTicks;
}

/**
 * Waits until the server is idle (under 5 % of a core over 250 ms), for at most `maxMs`; returns the ms
 * waited. autocannon stops at the end of its duration and drops the requests still in flight, but the
 * server goes on rendering them (nothing cancels a render when its client leaves), which would slow
 * whatever is measured next. Without /proc it waits a fixed 2 s.
 */
export async function settle(serverPid: number, maxMs = 60_000): Promise<number> {
  const t0 = performance.now();
  let before = processCpuSeconds(serverPid);
  if (before === null) {
    await sleep(2000);
    return performance.now() - t0;
  }
  while (performance.now() - t0 < maxMs) {
    await sleep(250);
    const now: number = processCpuSeconds(serverPid) ?? before;
    if (now - before < 0.05 * 0.25) break;
    before = now;
  }
  return performance.now() - t0;
}

export async function load(options: LoadOptions): Promise<LoadFigures> {
  const cpu0 = process.cpuUsage();
  const server0 = processCpuSeconds(options.serverPid);
  const t0 = performance.now();
  const { extendUntil } = options;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: extendUntil ? options.seconds + 60 : options.seconds,
        requests: [{ method: "GET", path: options.path, ...(options.onResponse ? { onResponse: options.onResponse } : {}) }],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    if (extendUntil) {
      // Once the awaited change has settled (either way), every connection finishes the request it had in
      // flight and makes one more, begun after it: 2 × connections responses, and at least a second.
      const changed = Promise.allSettled([extendUntil]);
      let since: number | null = null;
      let enough = () => {};
      const enoughResponses = new Promise<void>((r) => (enough = r));
      instance.on("response", () => {
        if (since !== null && ++since >= 2 * options.connections) enough();
      });
      void changed.then(() => (since = 0));
      void Promise.all([sleep(options.seconds * 1000), changed.then(() => Promise.all([sleep(1000), enoughResponses]))]).then(() => instance.stop());
    }
  });
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const server1 = processCpuSeconds(options.serverPid);
  return {
    responses: result.requests.total,
    seconds: result.duration,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    loaderCpu: (cpu.user + cpu.system) / 1e6 / wall,
    serverCpu: server0 === null || server1 === null ? null : (server1 - server0) / wall,
  };
}

/**
 * What a body says, for telling bodies apart: its printable ASCII characters only. autocannon decodes a body chunk by
 * chunk as it arrives (lib/pipelinedRequestsQueue.js: `body += data`), so a character whose UTF-8 bytes
 * straddle two socket reads comes out as U+FFFD and the same page arrives as different strings (3 of 10
 * overview bodies at district, first try). The damage never touches an ASCII character, and what a data
 * change moves (figures, ranks, links) is ASCII.
 */
export function asciiOf(body: string): string {
  return body.replace(/[^\t\n\r\x20-\x7e]/g, "");
}

/**
 * The parts of a page that differ per render although its data does not: the CSP nonce (security-headers),
 * dropped with its attribute since a page from the page cache has none where a page rendered for one
 * request has one; and the printout's time (decision 011), "In lúc HH:MM ngày DD/MM/YYYY" on a rendered
 * page and "Trang tạo lúc …" on a cached one, matched with the letters of "lúc" and "ngày" damaged or
 * dropped (asciiOf), so that it masks a body before or after asciiOf alike.
 */
export function maskPerResponse(body: string): string {
  return body.replace(/ nonce="[^"]*"/g, "").replace(/l\S{0,3}c \d\d:\d\d ng\S{0,4}y \d\d\/\d\d\/\d{4}/g, "lúc …");
}

export interface BodyKind {
  /** The body's ASCII text (asciiOf), masked or not as the tally was asked. */
  text: string;
  count: number;
}

export interface BodyTally {
  record(body: string): void;
  /** Distinct bodies, the most seen first. */
  kinds(): BodyKind[];
  total(): number;
  /** Bodies that arrived with U+FFFD from autocannon's decoding (told apart without it, see asciiOf). */
  damaged(): number;
}

/** Counts bodies by what `keyOf` says they say (asciiOf, or maskPerResponse then asciiOf). */
export function tallyBodies(keyOf: (body: string) => string): BodyTally {
  const kinds = new Map<string, BodyKind>();
  // A page seen again is recognised by a hash of the raw string, without building its key again.
  const keyOfRaw = new Map<string, string>();
  let total = 0;
  let damaged = 0;
  return {
    record(body) {
      total++;
      if (body.includes("\uFFFD")) damaged++;
      const raw = createHash("sha1").update(body).digest("base64");
      let key = keyOfRaw.get(raw);
      if (key === undefined) {
        const text = keyOf(body);
        key = createHash("sha1").update(text).digest("base64");
        keyOfRaw.set(raw, key);
        if (!kinds.has(key)) kinds.set(key, { text, count: 0 });
      }
      const kind = kinds.get(key);
      if (kind) kind.count++;
    },
    kinds: () => [...kinds.values()].sort((a, b) => b.count - a.count),
    total: () => total,
    damaged: () => damaged,
  };
}

/** Where two texts first differ, with a little of each around it; null when they are equal. */
export function firstDifference(a: string, b: string, context = 50): { at: number; a: string; b: string } | null {
  if (a === b) return null;
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at++;
  const from = Math.max(0, at - context);
  return { at, a: a.slice(from, at + context), b: b.slice(from, at + context) };
}
