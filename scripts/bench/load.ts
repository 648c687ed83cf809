/**
 * Loading the server with autocannon (decision 015) for `bench:pages`: one path, N keep-alive connections
 * for a fixed time, as an anonymous reader sending no Accept-Encoding (so identity bodies), and the CPU time
 * the load generator and the server each spent meanwhile (on a 2-core machine they share the cores, so a
 * static file's req/s is partly autocannon's own ceiling).
 */
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
  const result = await autocannon({ url: options.url, connections: options.connections, duration: options.seconds, requests: [{ method: "GET", path: options.path }] });
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
