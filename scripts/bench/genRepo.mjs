// Generates a synthetic git repository for the scale bench rows, with `git fast-import` (seconds, not minutes):
// `files` TypeScript files in packages/<p>/src/<d>/, about one in eight holding a debt marker at first, a few making
// fetch calls, and `commits` first-parent commits spread evenly over `years`, each editing `perCommit` files
// (the version line changed, a line appended or dropped, sometimes a marker added), so blame and trend have real history to walk.
// Deterministic (seeded): the same arguments give the same repository. Cached: a marker file names them.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9) >>> 0) / 2 ** 32);
}

function fileLines(rand, id) {
  const lines = [`// generated file ${id}`, `export const value${id} = 0;`];
  const n = 8 + Math.floor(rand() * 30);
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.004) lines.push(`  // TODO(@team${i % 7}) tidy step ${i} of ${id}`);
    else if (r < 0.0055) lines.push(`  // FIXME handle the empty case ${i}`);
    else if (r < 0.006) lines.push(`  // @ts-ignore legacy typing ${i}`);
    else lines.push(`export function f${id}_${i}(x: number): number { return x * ${i}; }`);
  }
  if (id % 97 === 0) lines.push(`export async function load${id}(): Promise<unknown> { return (await fetch('https://example.test/${id}')).json(); }`);
  return lines;
}

/** One edit: the version line always changes; now and then a marker is added, or a line is dropped. */
function edit(rand, lines, id, version) {
  lines[1] = `export const value${id} = ${version};`;
  const r = rand();
  if (r < 0.03) lines.push(`// TODO(@team${version % 7}) follow-up ${version} of ${id}`);
  else if (r < 0.13 && lines.length > 6) lines.splice(2 + Math.floor(rand() * (lines.length - 3)), 1);
  else lines.push(`export const extra${id}_${version} = ${version};`);
}

function filePath(id, files) {
  const packages = Math.max(1, Math.round(files / 400));
  return `packages/p${id % packages}/src/d${Math.floor(id / packages) % 20}/f${id}.ts`;
}

/**
 * Makes (or reuses) the repository at `dir`. Returns { dir, ms, reused }.
 * options: files, commits, perCommit (default 5), years (default 5), seed.
 */
export async function generateRepo(dir, { files, commits, perCommit = 5, years = 5, seed = 16 }) {
  const tag = `.generated-v3-${files}-${commits}-${perCommit}-${years}-${seed}`;
  if (existsSync(path.join(dir, '.git', tag))) return { dir, ms: 0, reused: true };
  const started = performance.now();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  const child = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: dir, stdio: ['pipe', 'inherit', 'inherit'] });
  const done = new Promise((resolve, reject) => child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`fast-import exited ${code}`)))));
  const rand = rng(seed);
  const versions = new Int32Array(files);
  const texts = Array.from({ length: files }, (_, id) => fileLines(rand, id));
  const start = Date.UTC(2021, 0, 1) / 1000;
  const step = Math.floor((years * 365 * 86400) / Math.max(1, commits));
  let buf = [];
  let size = 0;
  const write = async (s) => {
    buf.push(s);
    size += s.length;
    if (size > 1 << 20) {
      const chunk = buf.join('');
      buf = [];
      size = 0;
      if (!child.stdin.write(chunk)) await new Promise((r) => child.stdin.once('drain', r));
    }
  };
  const data = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  for (let c = 0; c < commits; c++) {
    const when = start + c * step;
    const msg = c === 0 ? 'initial import' : `change ${c}`;
    await write(`commit refs/heads/main\ncommitter Dev${c % 5} <dev${c % 5}@example.test> ${when} +0000\n${data(msg)}`);
    if (c === 0) {
      for (let id = 0; id < files; id++) await write(`M 100644 inline ${filePath(id, files)}\n${data(texts[id].join('\n') + '\n')}`);
    } else {
      for (let k = 0; k < perCommit; k++) {
        const id = Math.floor(rand() * files);
        edit(rand, texts[id], id, ++versions[id]);
        await write(`M 100644 inline ${filePath(id, files)}\n${data(texts[id].join('\n') + '\n')}`);
      }
    }
    await write('\n');
  }
  await write('done\n');
  child.stdin.end(buf.join(''));
  await done;
  execFileSync('git', ['checkout', '-q', '-f', 'main'], { cwd: dir });
  writeFileSync(path.join(dir, '.git', tag), '');
  return { dir, ms: performance.now() - started, reused: false };
}
