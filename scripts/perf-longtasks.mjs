// `node scripts/perf-longtasks.mjs <file.cpuprofile> [--min=50] [--top=8] [--repo=.]`: the long tasks of a CPU profile
// (from `npm run perf:host -- <folder> --profile=<dir>`): each run of samples without an idle one that lasts
// at least --min ms, with where its time went (the heaviest frames, inclusive, and the heaviest self frames).
// Frames of our bundles are marked `*`. A task is all JavaScript and native work between two idle samples, so
// it is what blocked the extension host's event loop. The OURS line: the longest task, the most time our code
// took in one task (and that task's length), our total, and how many tasks had 50 ms or more of ours. The SLICES
// line: our longest slice (consecutive samples with our code on the stack, from one entry frame), CPU and wall.
// The OWNERS line: whose CPU the tasks of 50 ms or more were (ours, each other extension, the host, native).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/perf-longtasks.mjs <file.cpuprofile> [--min=50] [--top=8]');
  process.exit(2);
}
const opt = (name, dflt) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt);
const minMs = opt('min', 50);
const top = opt('top', 8);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
// Our bundles: dist/*.js of this checkout (VS Code's own extensions also have a dist/extension.js).
const ourDist = `${path.resolve(process.argv.find((a) => a.startsWith('--repo='))?.slice(7) ?? '.')}/dist/`;
const ours = (url) => !!url && decodeURIComponent(url.replace(/^file:\/\//, '')).startsWith(ourDist);
const name = (n) => {
  const f = n.callFrame;
  const where = f.url ? `${f.url.replace(/^.*\//, '')}:${f.lineNumber + 1}` : '';
  return `${ours(f.url) ? '*' : ' '}${f.functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
};
const idle = (id) => byId.get(id).callFrame.functionName === '(idle)';

// Tasks: maximal runs of non-idle samples; a sample's duration is the delta to the next one.
const tasks = [];
let current = null;
let t = profile.startTime;
for (let i = 0; i < profile.samples.length; i++) {
  t += profile.timeDeltas[i] ?? 0;
  const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  const id = profile.samples[i];
  if (idle(id)) {
    if (current) tasks.push(current);
    current = null;
    continue;
  }
  current ??= { start: t, ms: 0, samples: [] };
  current.ms += dt;
  current.samples.push([id, dt]);
}
if (current) tasks.push(current);

// Our share of a task: the samples with one of our frames on the stack.
const oursCache = new Map();
const hasOurs = (id) => {
  if (!oursCache.has(id)) oursCache.set(id, ours(byId.get(id).callFrame.url) || (parent.has(id) && hasOurs(parent.get(id))));
  return oursCache.get(id);
};
// A sample is taken every 0.5 ms while the thread runs; one that spans much longer is a stretch the thread
// did not run (the OS gave the CPU to another process on this shared machine) or could not be sampled.
// `cpu` figures count such a sample as GAP_MS at most: the work itself, not the wait for a CPU.
const GAP_MS = 5;
const cpuOf = (samples, pick = () => true) => samples.reduce((s, [id, dt]) => s + (pick(id) ? Math.min(dt, GAP_MS) : 0), 0);
for (const k of tasks) {
  k.oursMs = k.samples.reduce((s, [id, dt]) => s + (hasOurs(id) ? dt : 0), 0);
  k.cpuMs = cpuOf(k.samples);
  k.oursCpuMs = cpuOf(k.samples, hasOurs);
}
// Our slices: runs of consecutive samples with our code on the stack, entered from the same frame below the
// root (a sample without ours, or another entry, is another slice: our code had returned to the event loop).
// Two slices back to back with nothing sampled between them merge, so this over-states a slice, never
// under-states it. This is the longest our code held the event loop at once.
const entry = (id) => {
  let n = id;
  while (parent.has(n) && parent.get(n) !== profile.nodes[0].id && byId.get(parent.get(n)).callFrame.functionName !== '(root)') n = parent.get(n);
  return n;
};
const slices = [];
for (const k of tasks) {
  let slice = null;
  for (const [id, dt] of k.samples) {
    if (!hasOurs(id)) {
      slice = null;
      continue;
    }
    const e = entry(id);
    if (!slice || slice.entry !== e) slices.push((slice = { entry: e, start: k.start, ms: 0, cpuMs: 0, samples: [] }));
    slice.ms += dt;
    slice.cpuMs += Math.min(dt, GAP_MS);
    slice.samples.push(id);
  }
}
slices.sort((a, b) => b.cpuMs - a.cpuMs);
const byOurs = [...tasks].sort((a, b) => b.oursMs - a.oursMs);
const max = (f) => Math.round(Math.max(0, ...tasks.map(f)));
console.log(`OURS ${JSON.stringify({ file, longestTaskMs: max((k) => k.ms), longestTaskCpuMs: max((k) => k.cpuMs), longestOursMs: Math.round(byOurs[0]?.oursMs ?? 0), inTaskMs: Math.round(byOurs[0]?.ms ?? 0), longestOursCpuMs: max((k) => k.oursCpuMs), oursTotalMs: Math.round(tasks.reduce((s, k) => s + k.oursMs, 0)), oursOver50: tasks.filter((k) => k.oursMs >= 50).length, oursCpuOver50: tasks.filter((k) => k.oursCpuMs >= 50).length })}`);
const topOurs = (ids) => {
  const m = new Map();
  for (const id of ids) {
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const label = name(byId.get(n));
      if (!label.startsWith('*') || seen.has(label)) continue;
      seen.add(label);
      m.set(label, (m.get(label) ?? 0) + 1);
    }
  }
  return [...m].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([l, c]) => `${l.slice(1)} (${c})`).join(', ');
};
const bySliceMs = [...slices].sort((a, b) => b.ms - a.ms);
console.log(`SLICES ${JSON.stringify({ file, ourSlices: slices.length, longestSliceCpuMs: Math.round(slices[0]?.cpuMs ?? 0), longestSliceMs: Math.round(bySliceMs[0]?.ms ?? 0), slicesCpuOver50: slices.filter((x) => x.cpuMs >= 50).length, slicesOver50: slices.filter((x) => x.ms >= 50).length })}`);
for (const x of slices.slice(0, 3)) console.log(`  our slice: cpu ${x.cpuMs.toFixed(1)} ms, wall ${x.ms.toFixed(1)} ms, in the task at +${((x.start - profile.startTime) / 1000).toFixed(0)} ms, entered from ${name(byId.get(x.entry)).trim()}; samples in: ${topOurs(x.samples)}`);
// Whose work the long tasks were: each sample goes to ours when our code is on its stack, else to the deepest
// extension on it (VS Code's built-in extensions live in .../extensions/<name>/), else to the host itself
// (extensionHostProcess.js, Node's internals), else to native work without a JavaScript caller (GC, idle I/O).
const ownerOf = new Map();
const owner = (id) => {
  if (ownerOf.has(id)) return ownerOf.get(id);
  let found = null;
  for (let n = id; n !== undefined && !found; n = parent.get(n)) {
    const url = byId.get(n).callFrame.url;
    const ext = url && decodeURIComponent(url).match(/\/extensions\/([^/]+)\//);
    if (ext && !ours(url)) found = ext[1];
  }
  const o = hasOurs(id) ? 'ours' : found ?? (byId.get(id).callFrame.url || parent.has(id) && byId.get(parent.get(id)).callFrame.url ? 'host' : 'native');
  ownerOf.set(id, o);
  return o;
};
const longTasks = tasks.filter((k) => k.ms >= 50);
const shares = new Map();
for (const k of longTasks) for (const [id, dt] of k.samples) {
  const o = owner(id);
  const v = shares.get(o) ?? { ms: 0, cpuMs: 0 };
  v.ms += dt;
  v.cpuMs += Math.min(dt, GAP_MS);
  shares.set(o, v);
}
const waitMs = longTasks.reduce((s, k) => s + k.ms - k.cpuMs, 0);
console.log(`OWNERS of the ${longTasks.length} tasks >= 50 ms (${Math.round(longTasks.reduce((s, k) => s + k.ms, 0))} ms, of which ${Math.round(waitMs)} ms waiting for a CPU): ${[...shares].sort((a, b) => b[1].cpuMs - a[1].cpuMs).map(([o, v]) => `${o} ${Math.round(v.cpuMs)} ms cpu`).join(', ')}`);
const long = tasks.filter((k) => k.ms >= minMs).sort((a, b) => b.ms - a.ms);
const busy = tasks.reduce((s, k) => s + k.ms, 0);
console.log(`${file}: ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s profiled, ${(busy / 1000).toFixed(1)} s busy, ${tasks.length} tasks, ${long.length} of >= ${minMs} ms`);
for (const k of long.slice(0, 20)) {
  const inclusive = new Map();
  const self = new Map();
  for (const [id, dt] of k.samples) {
    self.set(name(byId.get(id)), (self.get(name(byId.get(id))) ?? 0) + dt);
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const label = name(byId.get(n));
      if (seen.has(label)) continue;
      seen.add(label);
      inclusive.set(label, (inclusive.get(label) ?? 0) + dt);
    }
  }
  const fmt = (m, filter) => [...m].filter(([l]) => filter(l)).sort((a, b) => b[1] - a[1]).slice(0, top).map(([l, ms]) => `    ${ms.toFixed(0).padStart(5)} ms ${l}`).join('\n');
  console.log(`\n${k.ms.toFixed(0)} ms task at +${((k.start - profile.startTime) / 1000).toFixed(0)} ms, ${k.oursMs.toFixed(0)} ms of it ours; cpu ${k.cpuMs.toFixed(0)} ms, ours ${k.oursCpuMs.toFixed(0)} ms`);
  console.log(`  ours (inclusive):\n${fmt(inclusive, (l) => l.startsWith('*')) || '    (none)'}`);
  console.log(`  all (inclusive, below the root):\n${fmt(inclusive, (l) => !/\(root\)/.test(l))}`);
  console.log(`  self:\n${fmt(self, () => true)}`);
}
