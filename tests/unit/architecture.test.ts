/**
 * The layers of app/ (docs/decisions/008): no import cycles, type imports included (ESLint's
 * import-x/no-cycle checks value imports as you type; this checks the whole graph), a pure domain, and
 * queries that know nothing of pages.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const APP = path.resolve("app");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") ? [p] : [];
  });
}

/** The file an import names, or null for a package. */
function resolveImport(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("~/")) base = path.join(APP, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const files = sourceFiles(APP);
const graph = new Map<string, string[]>(
  files.map((file) => {
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
    const targets = importedFiles.flatMap((i) => {
      const target = resolveImport(file, i.fileName);
      return target && /\.tsx?$/.test(target) ? [target] : [];
    });
    return [file, targets];
  }),
);
const rel = (p: string) => path.relative(APP, p);

/** Every strongly connected component with more than one module (Tarjan). */
function cycles(): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  function visit(v: string): void {
    indices.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, indices.get(w) ?? 0));
      }
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(rel(w));
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  }
  for (const file of graph.keys()) if (!indices.has(file)) visit(file);
  return found;
}

function importsOf(folder: string): [string, string][] {
  return [...graph].filter(([file]) => rel(file).startsWith(`${folder}/`)).flatMap(([file, targets]) => targets.map((t): [string, string] => [rel(file), rel(t)]));
}

describe("app/ layers", () => {
  it("has no import cycles, type imports included", () => {
    expect(cycles()).toEqual([]);
  });

  it("keeps domain/ pure: no server modules, no i18n, no database, no React", () => {
    const domain = files.map(rel).filter((f) => f.startsWith("domain/"));
    expect(domain.filter((f) => f.includes(".server."))).toEqual([]);
    const outside = importsOf("domain").filter(([, target]) => !target.startsWith("domain/"));
    expect(outside).toEqual([]);
  });

  it("keeps db/ free of pages, components and charts", () => {
    const bad = importsOf("db").filter(([, target]) => /^(routes|components|charts)\//.test(target));
    expect(bad).toEqual([]);
  });

  it("keeps exports/ on domain/ and i18n/ only, and every layer below the pages out of it", () => {
    const bad = importsOf("exports").filter(([, target]) => !/^(domain|i18n|exports)\//.test(target));
    expect(bad).toEqual([]);
    const below = ["domain", "i18n", "config", "db", "http", "charts"].flatMap(importsOf).filter(([, target]) => target.startsWith("exports/"));
    expect(below).toEqual([]);
  });

  it("keeps pages out of each other's folders", () => {
    const bad = [...graph].flatMap(([file, targets]) => {
      const own = /^routes\/([^/]+)\//.exec(rel(file))?.[1] ?? null;
      return targets
        .map(rel)
        .filter((t) => t.startsWith("routes/") && /^routes\/([^/]+)\//.exec(t)?.[1] !== own)
        .map((t) => `${rel(file)} → ${t}`);
    });
    expect(bad).toEqual([]);
  });
});
