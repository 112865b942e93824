import type * as ChildProcess from 'node:child_process';
import type * as Os from 'node:os';
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import * as path from 'node:path';

/**
 * One stat of many paths for the warm path, as `fs.statSync` (following symbolic links) would give it.
 *
 * Why not just `statSync` in a loop: in a fresh process each call runs Node's fs wrapper cold (argument
 * checks, a `Stats` object with four `Date`s), 6-20 µs a call against ~3 µs for the system call itself,
 * measured: 60-95 ms of CPU for the 8,000-10,500 files of the bench's folders, the largest part of a replayed
 * run. GNU find (`-files0-from`, findutils >= 4.9) stats a list of paths in C, ~2.5 µs a path: the paths
 * go to its stdin NUL-separated (any byte but NUL is safe, nothing is parsed as an option), `-H` follows a
 * symbolic link given as a path like `statSync` does, `-maxdepth 0` never descends. It answers one record
 * per path it could stat, in order; when the answer is not exactly one well-formed record per path (a path
 * gone, a loop, no permission, an old or another `find`), every path is stat'ed here, so the result is
 * always the `statSync` answer, never a guess. Elsewhere (not Linux, few paths, `DEBT_LEDGER_NO_FIND=1`)
 * the loop runs here. A large list is cut into parts stat'ed by one find each, side by side (findParts).
 */
export interface StatPass {
  /** 0: missing (or not stat-able), 1: regular file, 2: folder, 3: anything else. */
  kinds: Uint8Array;
  sizes: Float64Array;
  /** `mtimeMs` as Node computes it (`sec * 1e3 + nsec / 1e6`); 0 when missing. */
  mtimes: Float64Array;
  inos: Float64Array;
  /** How the pass was made (for the trace and tests). */
  via: 'find' | 'node';
}

/** Fewer paths than this: spawning find costs more than it saves. */
export const FIND_MIN_PATHS = 256;

/** True when a pass over `count` paths goes to find here (Linux, enough paths, not turned off). */
export function findUsable(count: number, env: Readonly<Record<string, string | undefined>> = process.env, minPaths = FIND_MIN_PATHS): boolean {
  return process.platform === 'linux' && count >= minPaths && !env.DEBT_LEDGER_NO_FIND;
}

/**
 * Stats `paths` (absolute, or relative to `cwd`). `known`: find's raw answer from an earlier pass over the
 * same paths whose every stat was found as recorded; an identical answer now is reported as `same` without
 * being parsed (the answer holds every field compared: type, size, mtime, inode).
 */
export async function statPaths(cwd: string, list: readonly string[] | PathList, options: { env?: Readonly<Record<string, string | undefined>>; known?: Buffer | null | (() => Buffer | null); minPaths?: number; parts?: number; early?: EarlyFind | null } = {}): Promise<StatPass & { raw: Buffer | null; same: boolean; early: boolean }> {
  const env = options.env ?? process.env;
  const paths = Array.isArray(list) ? pathList(list as readonly string[]) : (list as PathList);
  const pass = emptyPass(paths.count);
  const useFind = findUsable(paths.count, env, options.minPaths) && paths.findable;
  // find already under way over stored parts that are exactly this input, else started here.
  const early = useFind && options.early?.holds(paths.input) ? options.early : null;
  if (options.early && !early) options.early.cancel();
  const raw = useFind ? await (early?.answer ?? findStats(cwd, paths.input, options.parts ?? findParts(paths.count))) : null;
  const known = typeof options.known === 'function' ? options.known() : options.known;
  if (raw && known && raw.equals(known)) return { ...pass, via: 'find', raw, same: true, early: !!early };
  const complete = raw !== null && parseFindOutput(raw, pass);
  if (!complete) statHere(cwd, paths.paths(), pass);
  pass.via = complete ? 'find' : 'node';
  return { ...pass, raw: complete ? raw : null, same: false, early: complete && !!early };
}

/** Paths as the pass takes them: their count, find's input (each path followed by NUL), the paths themselves. */
export interface PathList {
  count: number;
  input: Buffer;
  /** False when a path is empty or holds a NUL: find cannot take it. */
  findable: boolean;
  paths(): readonly string[];
}

export function pathList(paths: readonly string[]): PathList {
  return { count: paths.length, input: Buffer.from(paths.length ? paths.join('\0') + '\0' : '', 'utf8'), findable: !paths.some((p) => p === '' || p.includes('\0')), paths: () => paths };
}

function emptyPass(n: number): StatPass {
  return { kinds: new Uint8Array(n), sizes: new Float64Array(n), mtimes: new Float64Array(n), inos: new Float64Array(n), via: 'node' };
}

/** Paths per find process at least: below that, another process's start-up costs more than it saves. */
export const FIND_PATHS_PER_PART = 2500;

/**
 * How many find processes share a pass: one per core up to 4, each with at least FIND_PATHS_PER_PART
 * paths. find is bound by the kernel's path lookups (~5 µs a path here, two thirds of it system time), so
 * two processes on two cores take 40 ms for the bench corpus's 11,300 paths where one takes 60-65 ms.
 */
export function findParts(count: number): number {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when find runs
  const cores = (require('node:os') as typeof Os).availableParallelism();
  return Math.max(1, Math.min(FIND_MAX_PARTS, cores, Math.floor(count / FIND_PATHS_PER_PART)));
}

/** At most this many find processes share a pass. */
export const FIND_MAX_PARTS = 4;

/**
 * find's raw answer, or null when it could not run. With `parts` > 1 the input is cut at path boundaries
 * into that many runs of find side by side; their answers, joined in order, are byte for byte the answer
 * of one run (one record per path, in input order), so a known answer holds whatever the split.
 */
async function findStats(cwd: string, input: Buffer, parts: number): Promise<Buffer | null> {
  return joinAnswers(splitInput(input, parts).map((c) => findRun(cwd, c).answer));
}

/** Cuts find's input at path boundaries into at most `parts` runs of about equal length, in order. */
export function splitInput(input: Buffer, parts: number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let i = 1, from = 0; from < input.length; i++) {
    const cut = i >= parts ? input.length : input.indexOf(0, Math.max(from, Math.floor((input.length * i) / parts))) + 1;
    if (cut <= from) continue; // no NUL after the target: the rest goes to the next (last) part
    chunks.push(input.subarray(from, cut));
    from = cut;
  }
  return chunks;
}

async function joinAnswers(answers: Promise<Buffer | null>[]): Promise<Buffer | null> {
  const all = await Promise.all(answers);
  return all.some((a) => a === null) ? null : Buffer.concat(all as Buffer[]);
}

/**
 * One find over `input`: the bytes (written to its stdin) or a descriptor open on a file that holds them
 * (its stdin then: no pipe to feed, and the process can start before the paths are in memory).
 */
function findRun(cwd: string, input: Buffer | number): { answer: Promise<Buffer | null>; kill(): void } {
  let child: ChildProcess.ChildProcess | null = null;
  let stopped = false;
  const answer = new Promise<Buffer | null>((resolve) => {
    try {
      // Loaded here: the launcher loads child_process only when it spawns something.
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy load, see above
      const { spawn } = require('node:child_process') as typeof ChildProcess;
      // One record per path find could stat, none for the others (it says why on stderr, ignored).
      const c = spawn('find', ['-H', '-files0-from', '-', '-maxdepth', '0', '-printf', '%y %s %T@ %i\\0'], {
        cwd, stdio: [typeof input === 'number' ? input : 'pipe', 'pipe', 'ignore'], env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' }, windowsHide: true,
      });
      child = c;
      const out: Buffer[] = [];
      c.stdout!.on('data', (b: Buffer) => out.push(b));
      c.on('error', () => resolve(null));
      // Stopped (cancelled, even if it had just finished): no answer.
      c.on('close', (_code, signal) => resolve(stopped || signal ? null : Buffer.concat(out)));
      if (typeof input !== 'number') {
        c.stdin!.on('error', () => undefined); // find gone early: its answer is refused below
        c.stdin!.end(input);
      }
    } catch {
      resolve(null);
    }
  });
  return {
    answer,
    kill: () => {
      stopped = true;
      (child as ChildProcess.ChildProcess | null)?.kill();
    },
  };
}

/**
 * find started over stored parts of its input (files, each a run of NUL-terminated paths) before the
 * input itself is in memory: the replay starts it as soon as it knows the snapshot's name, then reads the
 * snapshot while find works. The answer counts only when `holds` finds the parts, joined in order, to be
 * exactly the input the pass needs; else `cancel` stops the processes and the pass starts its own.
 */
export interface EarlyFind {
  answer: Promise<Buffer | null>;
  holds(input: Buffer): boolean;
  cancel(): void;
}

/**
 * Starts find over the part files `partFile(0)`, `partFile(1)`, ... (as many as there are, up to
 * FIND_MAX_PARTS); null when there are none or one is not a regular file here.
 */
export function startEarlyFind(cwd: string, partFile: (i: number) => string): EarlyFind | null {
  const opened: { fd: number; size: number }[] = [];
  const closeAll = (): void => {
    for (const o of opened.splice(0)) closeSync(o.fd);
  };
  try {
    for (let i = 0; i < FIND_MAX_PARTS; i++) {
      let fd: number;
      try {
        // Not following a link, never blocking on a FIFO: only a regular file of ours is fed to find.
        fd = openSync(partFile(i), constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT' && i > 0) break;
        throw err;
      }
      opened.push({ fd, size: 0 });
      const st = fstatSync(fd);
      if (!st.isFile() || st.size === 0) throw new Error('not a part file');
      opened[opened.length - 1]!.size = st.size;
    }
  } catch {
    closeAll();
    return null;
  }
  const runs = opened.map((o) => findRun(cwd, o.fd));
  let checked: boolean | null = null;
  return {
    answer: joinAnswers(runs.map((r) => r.answer)),
    holds(input) {
      if (checked !== null) return checked;
      // Positional reads: each descriptor's offset is shared with the find reading it.
      let at = 0;
      checked = opened.every(({ fd, size }) => {
        if (at + size > input.length) return false;
        const bytes = Buffer.allocUnsafe(size);
        const ok = readSync(fd, bytes, 0, size, 0) === size && bytes.equals(input.subarray(at, at + size));
        at += size;
        return ok;
      }) && at === input.length;
      closeAll();
      return checked;
    },
    cancel() {
      closeAll();
      for (const r of runs) r.kill();
    },
  };
}

/**
 * Fills the pass from find's records (`type size sec.frac ino\0`, one per path in the order given). False
 * when the answer is not one record per path in that form (a path find could not stat, another find):
 * then the caller stats every path itself.
 */
export function parseFindOutput(out: Buffer, pass: StatPass): boolean {
  // By hand over the bytes (a regular expression per record cost ~12 ms for 8,000 records, cold).
  const n = pass.kinds.length;
  let at = 0;
  const int = (end: number): number => {
    // Digits up to `end` (exclusive), or -1 when there are none or anything else.
    if (at >= end) return -1;
    let v = 0;
    for (; at < end; at++) {
      const c = out[at]!;
      if (c < 48 || c > 57) return -1;
      v = v * 10 + (c - 48);
    }
    return v;
  };
  for (let i = 0; i < n; i++) {
    const end = out.indexOf(0, at);
    if (end < 0) return false;
    const type = out[at]!;
    if (out[at + 1] !== 32) return false;
    at += 2;
    const sizeEnd = out.indexOf(32, at);
    const size = sizeEnd > 0 && sizeEnd < end ? int(sizeEnd) : -1;
    at = sizeEnd + 1;
    const dot = out.indexOf(46, at);
    // Times before 1970 (a '-') fail here: find's form for them is not Node's arithmetic.
    const sec = dot > 0 && dot < end ? int(dot) : -1;
    at = dot + 1;
    const nsEnd = out.indexOf(32, at);
    // find prints nine digits of nanoseconds and a tenth, always 0.
    if (size < 0 || sec < 0 || nsEnd < 0 || nsEnd > end || nsEnd - at < 9) return false;
    const nsec = int(at + 9);
    at = nsEnd;
    at++;
    const ino = int(end);
    if (nsec < 0 || ino < 0) return false;
    at = end + 1;
    // A dangling symbolic link (-H fell back to the link itself) is missing for statSync.
    if (type === 108 /* l */) continue;
    pass.kinds[i] = type === 102 /* f */ ? 1 : type === 100 /* d */ ? 2 : 3;
    pass.sizes[i] = size;
    pass.mtimes[i] = sec * 1e3 + nsec / 1e6;
    pass.inos[i] = ino;
  }
  return at === out.length;
}

/** Stats every path here, as `statSync` (the fallback, and the only way off Linux). */
function statHere(cwd: string, paths: readonly string[], pass: StatPass): void {
  const base = cwd.endsWith(path.sep) ? cwd : cwd + path.sep;
  for (let i = 0; i < paths.length; i++) {
    const p = paths[i]!;
    let st;
    try {
      st = statSync(path.isAbsolute(p) ? p : base + p, { throwIfNoEntry: false });
    } catch {
      st = undefined;
    }
    // Every field is written: a refused find answer may have filled some already.
    pass.kinds[i] = !st ? 0 : st.isFile() ? 1 : st.isDirectory() ? 2 : 3;
    pass.sizes[i] = st ? st.size : 0;
    pass.mtimes[i] = st ? st.mtimeMs : 0;
    pass.inos[i] = st ? st.ino : 0;
  }
}
