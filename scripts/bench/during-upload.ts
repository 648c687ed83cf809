/**
 * The overview under load while staff change what it shows, for `bench:pages`: N connections on `/` (autocannon)
 * while, after a second, staff sign in, commit a changed report of the quarter the overview shows and publish
 * it, over HTTP as the browser does. Every body is tallied, and each distinct one is compared with the
 * overview fetched just before the upload and just after the publication: any third body is a reader seeing
 * something else than either (a mix of old and new, or a render that differs for another reason), and is
 * shown where it differs, not hidden.
 */
import { loginAs, postUpload } from "../harness/http-client";
import type { ServerProcess } from "../harness/server-process";
import { asciiOf, firstDifference, load, maskPerResponse, settle, tallyBodies, type BodyTally, type LoadFigures } from "./load";

export interface DuringUploadOptions {
  connections: number;
  /** The load lasts this long, or until every connection has read the overview after the publication. */
  seconds: number;
  staff: { username: string; password: string };
  /** The quarter the overview shows by default, and a valid report of it with other counts. */
  period: string;
  report: string;
}

export interface DuringUpload {
  options: DuringUploadOptions;
  load: LoadFigures;
  /** The same crowd on the overview's static copy, just before: what the machine allows at that concurrency. */
  reference?: LoadFigures;
  /** When the change began, ms into the load. */
  startAt: number;
  loginMs: number;
  commitMs: number;
  publishMs: number;
  /** When the publication was done, ms into the load. */
  doneAt: number;
  /** The longest time no response arrived, and when it began, ms into the load. */
  longestPause: { ms: number; from: number };
  before: { status: number; body: string };
  after: { status: number; body: string };
  /** Bodies told apart by their ASCII text (asciiOf). */
  raw: BodyTally;
  /** The same, the per-response parts masked (maskPerResponse). */
  masked: BodyTally;
}

async function getText(url: string): Promise<{ status: number; body: string }> {
  const res = await fetch(url, { headers: { "Accept-Encoding": "identity" } });
  return { status: res.status, body: await res.text() };
}

async function postPublish(url: string, cookie: string, period: string): Promise<number> {
  const res = await fetch(`${url}/publish`, {
    method: "POST",
    body: new URLSearchParams({ intent: "publish", period }),
    redirect: "manual",
    headers: { Origin: url, Cookie: cookie },
  });
  await res.arrayBuffer();
  return res.status;
}

/** The change runs beside the load; a failure of it is thrown once the load has finished. */
export async function loadDuringUpload(server: ServerProcess, options: DuringUploadOptions): Promise<DuringUpload> {
  const { url } = server;
  const raw = tallyBodies(asciiOf);
  const masked = tallyBodies((body) => asciiOf(maskPerResponse(body)));
  const bytes = new TextEncoder().encode(options.report);
  const startAt = Math.min(1000, options.seconds * 200);
  await settle(server.pid);
  const t0 = performance.now();
  let last = t0;
  const longestPause = { ms: 0, from: 0 };
  const change = (async () => {
    await new Promise((r) => setTimeout(r, startAt));
    const before = await getText(`${url}/`);
    const t1 = performance.now();
    const cookie = await loginAs(url, options.staff.username, options.staff.password);
    const t2 = performance.now();
    const commit = await postUpload(url, cookie, "commit-file", { name: `bench-${options.period}.csv`, bytes, encoding: "browser" });
    if (commit.status !== 303) throw new Error(`the commit of ${options.period} answered HTTP ${commit.status}: ${commit.body.slice(0, 300)}`);
    const t3 = performance.now();
    const published = await postPublish(url, cookie, options.period);
    if (published !== 303) throw new Error(`publishing ${options.period} answered HTTP ${published}`);
    const t4 = performance.now();
    const after = await getText(`${url}/`);
    return { before, after, loginMs: t2 - t1, commitMs: t3 - t2, publishMs: t4 - t3, doneAt: t4 - t0 };
  })().then(
    (done) => ({ done }),
    (error: unknown) => ({ error }),
  );
  const figures = await load({
    url,
    path: "/",
    connections: options.connections,
    seconds: options.seconds,
    serverPid: server.pid,
    // A load that ended before the publication could not see a mix: it goes on until every connection has
    // read the overview after it.
    extendUntil: change,
    onResponse: (status, body) => {
      const now = performance.now();
      if (now - last > longestPause.ms) Object.assign(longestPause, { ms: now - last, from: last - t0 });
      last = now;
      if (status !== 200) return;
      raw.record(body);
      masked.record(body);
    },
  });
  const outcome = await change;
  if ("error" in outcome) throw outcome.error;
  return { options, load: figures, startAt, ...outcome.done, longestPause, raw, masked };
}

/** A markdown table, then where each third body differs (the first three of each tally). */
export function printDuringUpload(scale: string, u: DuringUpload) {
  const { options: o, load: f } = u;
  console.log(`\nThe overview during an upload (${scale}): autocannon, ${o.connections} connections on \`/\` for ${o.seconds} s or until each has read it`);
  console.log(`after the publication; after ${u.startAt} ms staff sign in, commit a changed report of ${o.period} (the quarter the overview shows) and publish it,`);
  console.log(`over HTTP. Bodies are told apart by their ASCII text (autocannon decodes chunk by chunk: see scripts/bench/load.ts);`);
  console.log(`"masked" also ignores the CSP nonce (a cached page has none) and the printed time, which differ per render.\n`);
  console.log("| | |");
  console.log("|---|--:|");
  console.log(`| run length; responses, req/s | ${f.seconds.toFixed(1)} s; ${f.responses}, ${f.rps.toFixed(1)}/s |`);
  console.log(`| p50, p99 | ${f.responses > 0 ? `${f.p50.toFixed(1)} ms, ${f.p99.toFixed(1)} ms` : "– (no response finished within the run)"} |`);
  if (u.reference) {
    const r = u.reference;
    console.log(`| the same crowd on the overview's static copy, before: req/s; p50, p99 | ${r.rps.toFixed(1)}/s; ${r.p50.toFixed(1)} ms, ${r.p99.toFixed(1)} ms |`);
  }
  console.log(`| errors: non-2xx, socket (of which timeouts) | ${f.non2xx}, ${f.errors} (${f.timeouts}) |`);
  console.log(`| sign-in, commit, publish | ${u.loginMs.toFixed(0)} ms, ${u.commitMs.toFixed(0)} ms, ${u.publishMs.toFixed(0)} ms (done ${(u.doneAt / 1000).toFixed(1)} s into the run) |`);
  console.log(`| longest time without a response (from) | ${u.longestPause.ms.toFixed(0)} ms (${(u.longestPause.from / 1000).toFixed(1)} s into the run) |`);
  console.log(`| bodies damaged by autocannon's decoding (told apart without it) | ${u.raw.damaged()} of ${u.raw.total()} |`);
  const notes: string[] = [];
  const masking = (b: string) => asciiOf(maskPerResponse(b));
  const [maskedOld, maskedNew] = [masking(u.before.body), masking(u.after.body)];
  const rows = [
    ["bodies", u.raw, asciiOf(u.before.body), asciiOf(u.after.body)],
    ["masked", u.masked, maskedOld, maskedNew],
  ] as const;
  for (const [label, tally, old, neu] of rows) {
    const kinds = tally.kinds();
    const count = (text: string) => kinds.find((k) => k.text === text)?.count ?? 0;
    const others = kinds.filter((k) => k.text !== old && k.text !== neu);
    const same = old === neu ? " — the overview before and after are the same: the check cannot tell" : "";
    console.log(`| ${label}: distinct; old, new, other (responses) | ${kinds.length}; ${count(old)}, ${count(neu)}, ${others.reduce((n, k) => n + k.count, 0)}${same} |`);
    if (label === "bodies") {
      // Those that differ in more than the per-response parts are the masked tally's third bodies, shown below.
      const perResponse = others.filter((k) => [maskedOld, maskedNew].includes(masking(k.text)));
      if (perResponse.length > 0) {
        const responses = perResponse.reduce((n, k) => n + k.count, 0);
        notes.push(`- bodies: ${perResponse.length} of ${others.length} third bodies (${responses} responses) differ from the old or the new one only in the CSP nonce or the printed time`);
      }
      continue;
    }
    for (const k of others.slice(0, 3)) {
      for (const [name, ref] of [["old", old], ["new", neu]] as const) {
        const d = firstDifference(ref, k.text);
        if (d) notes.push(`- ${label}: a third body (${k.count} responses) differs from the ${name} one at character ${d.at} of its ASCII text: ${JSON.stringify(d.a)} → ${JSON.stringify(d.b)}`);
      }
    }
    if (others.length > 3) notes.push(`- ${label}: ${others.length - 3} more bodies that are neither the old nor the new one`);
  }
  if (notes.length > 0) console.log(`\n${notes.join("\n")}`);
}
