// node bench/profile-summary.ts FILE.cpuprofile [--top 40] [--match TEXT]
// Where a V8 CPU profile's time went: self time by function and by package (or file under src/),
// and inclusive time (a function and everything it called) for the functions that took the most.
// --match keeps only the inclusive rows whose function or file contains TEXT.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '40' }, match: { type: 'string' } } });
const top = Number(values.top);
const profile = JSON.parse(readFileSync(positionals[0]!, 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Each sample's time is the delta to the next sample.
const selfMs = new Map<number, number>();
profile.samples.forEach((id, i) => {
  const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  selfMs.set(id, (selfMs.get(id) ?? 0) + dt);
});
const total = [...selfMs.values()].reduce((a, b) => a + b, 0);

/** A package name from node_modules, a file under the project, or a V8 label. */
function place(url: string): string {
  if (!url) return '(native)';
  const m = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (m) return m[1]!;
  const s = url.match(/\/(src\/.*|dist\/.*|scripts\/.*)$/);
  if (s) return s[1]!;
  return url.replace(/^.*\//, '');
}
const label = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${place(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;

const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
const selfByFn = new Map<string, number>();
const selfByPlace = new Map<string, number>();
// Inclusive: count each sample once per distinct function on its stack.
const inclusive = new Map<string, number>();
for (const [id, ms] of selfMs) {
  const n = byId.get(id)!;
  add(selfByFn, label(n), ms);
  add(selfByPlace, place(n.callFrame.url), ms);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur)!);
    if (!seen.has(l)) {
      seen.add(l);
      add(inclusive, l, ms);
    }
  }
}

const print = (title: string, m: Map<string, number>, filter?: (k: string) => boolean) => {
  console.log(`\n${title}`);
  [...m]
    .filter(([k]) => !filter || filter(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .forEach(([k, v]) => console.log(`${(v / 1000).toFixed(2).padStart(8)} s ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`));
};
console.log(`${positionals[0]}: ${(total / 1000).toFixed(1)} s sampled`);
print('self time by package / file', selfByPlace);
print('self time by function', selfByFn);
print('inclusive time', inclusive, values.match ? (k) => k.includes(values.match!) : undefined);
