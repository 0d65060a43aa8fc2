/**
 * Summarises a V8 .cpuprofile (written by `node --cpu-prof`): self time by function and by area
 * (a package under node_modules, node's own code, or a project file), idle time left out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] };
type Profile = { nodes: Node[]; startTime: number; endTime: number };

export type ProfileSummary = {
  file: string;
  busySamples: number;
  busyShare: number;
  /** Self time by function. */
  functions: { name: string; share: number }[];
  /** Self time by package / project file. */
  areas: { name: string; share: number }[];
  /** Time spent in (or under) each of the project's own functions: where Portico's code sends the CPU. */
  inclusive: { name: string; share: number }[];
};

function area(url: string, fn: string, root: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) return 'node internals';
  const file = url.startsWith('file://') ? url.slice('file://'.length) : url;
  return path.relative(root, file);
}

export function summarizeProfiles(dir: string, root: string, top = 15): ProfileSummary[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  } catch {
    return [];
  }
  const summaries = files.map((f) => {
    const profile = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Profile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const isProject = (url: string) => url.includes(root) && !url.includes('node_modules');
    // tsx's output does not keep TypeScript's line numbers: function and file only.
    const projectName = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${path.relative(root, n.callFrame.url.replace(/^file:\/\//, ''))}`;
    const incl = new Map<string, number>();
    const byFn = new Map<string, number>();
    const byArea = new Map<string, number>();
    let busy = 0;
    let all = 0;
    for (const n of profile.nodes) {
      const hits = n.hitCount ?? 0;
      all += hits;
      const { functionName, url, lineNumber } = n.callFrame;
      if (functionName === '(idle)') continue;
      busy += hits;
      const a = area(url, functionName, root);
      const name = isProject(url)
        ? projectName(n)
        : `${functionName || '(anonymous)'} ${url ? `${a.includes('/') ? a : `[${a}] ${path.basename(url)}`}:${lineNumber + 1}` : ''}`.trim();
      byFn.set(name, (byFn.get(name) ?? 0) + hits);
      if (hits) {
        const seen = new Set<string>();
        for (let id: number | undefined = n.id; id !== undefined; id = parent.get(id)) {
          const frame = byId.get(id)!;
          if (isProject(frame.callFrame.url)) seen.add(projectName(frame));
        }
        for (const k of seen) incl.set(k, (incl.get(k) ?? 0) + hits);
      }
      byArea.set(a, (byArea.get(a) ?? 0) + hits);
    }
    const rank = (m: Map<string, number>) =>
      [...m]
        .sort((x, y) => y[1] - x[1])
        .slice(0, top)
        .map(([name, hits]) => ({ name, share: busy ? hits / busy : 0 }));
    return { file: path.join(dir, f), busySamples: busy, busyShare: all ? busy / all : 0, functions: rank(byFn), areas: rank(byArea), inclusive: rank(incl) };
  });
  // Keep the threads that did real work (not, e.g., tsx's loader thread).
  const most = Math.max(0, ...summaries.map((x) => x.busySamples));
  return summaries.filter((x) => x.busySamples >= most * 0.1);
}
