import { createHash } from 'node:crypto';
import { isRecord, isStringOrNull, readOwnedJson, writeOwnedJson } from '../fs/ownedFiles';
import { readFileSafe } from '../fs/safeFs';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FileHistory } from './fileHistory';
import { gitExec } from './gitExec';

/** Who introduced a line and when. `commit` null: not committed yet. */
export interface LineOrigin {
  commit: string | null;
  /** ISO date of the author time; null for uncommitted lines. */
  date: string | null;
  author: string | null;
  email: string | null;
}

/** git's blob id of some content (sha1 of `blob <size>\0<bytes>`): the cache key, computed without git. */
export function blobId(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

/** Parses `git blame --line-porcelain` into origins by 1-based final line. */
export function parseLinePorcelain(out: string): Map<number, LineOrigin> {
  const lines = new Map<number, LineOrigin>();
  let current: { commit: string; line: number; time?: number; author?: string; email?: string } | null = null;
  for (const row of out.split('\n')) {
    const header = /^([0-9a-f]{40}) \d+ (\d+)/.exec(row);
    if (header) {
      current = { commit: header[1]!, line: Number(header[2]) };
      continue;
    }
    if (!current) continue;
    if (row.startsWith('author ')) current.author = row.slice(7);
    else if (row.startsWith('author-mail ')) current.email = row.slice(12).replace(/^<|>$/g, '');
    else if (row.startsWith('author-time ')) current.time = Number(row.slice(12));
    else if (row.startsWith('\t')) {
      const uncommitted = /^0{40}$/.test(current.commit);
      lines.set(current.line, {
        commit: uncommitted ? null : current.commit,
        date: uncommitted || current.time === undefined ? null : new Date(current.time * 1000).toISOString(),
        author: uncommitted ? null : current.author ?? null,
        email: uncommitted ? null : current.email ?? null,
      });
      current = null;
    }
  }
  return lines;
}

const MAX_BLAMED_FILE = 64 * 1024 * 1024;

function isOrigin(v: unknown): v is LineOrigin {
  return isRecord(v) && isStringOrNull(v.commit) && isStringOrNull(v.author) && isStringOrNull(v.email) && (v.date === null || (typeof v.date === 'string' && !Number.isNaN(Date.parse(v.date))));
}

function isBlameCache(v: unknown): v is BlameCacheFile {
  return isRecord(v) && (v.version === 1 || v.version === 2) && isRecord(v.blobs) && Object.values(v.blobs).every((lines) => isRecord(lines) && Object.values(lines).every(isOrigin));
}

interface BlameCacheFile {
  /** 1: keyed by blob id alone (an earlier release; read, then dropped quietly). */
  version: 1 | 2;
  /** `<blob id> <path>` -> line -> origin (only the lines asked for). */
  blobs: Record<string, Record<string, LineOrigin>>;
}

/** `-L n,m` arguments covering the wanted lines (adjacent lines in one range). */
export function lineRanges(wanted: readonly number[]): string[] {
  const sorted = [...new Set(wanted)].filter((l) => Number.isInteger(l) && l > 0).sort((a, b) => a - b);
  const args: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    args.push('-L', `${sorted[i]},${sorted[j]}`);
    i = j + 1;
  }
  return args;
}

/**
 * How many files are blamed at once: one per core (each `git blame` is one single-threaded process),
 * at least 2 (measured ~2x on two cores: git waits on reads too), at most 8 (each process holds its own
 * object caches, 50-150 MB on large histories).
 */
export function blameConcurrency(cores: number = os.availableParallelism()): number {
  return Math.max(2, Math.min(8, Math.floor(cores) || 2));
}

/**
 * Blames the wanted lines of files (one `git blame --line-porcelain -L ...` per file, arguments as an
 * array), caching by blob id so an unchanged file is never blamed twice, across runs when `cacheFile` is
 * given. Files are blamed `blameConcurrency()` at a time. Work-tree content is blamed, so
 * uncommitted lines come back with `commit: null`. On a linear history, each blame walks only the commits
 * that touched its file (`-S` grafts from one history pass, see `FileHistory`): the cost per file no
 * longer grows with the repository's history.
 */
export class Blamer {
  private cache: BlameCacheFile = { version: 2, blobs: {} };
  private dirty = false;
  blamed = 0;
  fromCache = 0;
  /** Set when the cache file was damaged and discarded. */
  note: string | null = null;
  /** Time of the one history pass (and HEAD's tree) of the last `blame`, for the bench. */
  historyMs = 0;
  /** The history pass and a folder for graft files, loaded on the first cache miss; resolves null when not used. */
  private history: Promise<{ history: FileHistory; dir: string; heads: Map<string, string> } | null> | null = null;

  /** `useHistory` false: blame walks the whole history for every file (the old way; for comparison). */
  constructor(private readonly top: string, private readonly cacheFile: string | null, private readonly useHistory = true) {}

  async load(): Promise<void> {
    if (!this.cacheFile) return;
    // Checked origin by origin: a cache with wrong types would give wrong ages, so it is discarded and rebuilt.
    const read = await readOwnedJson(this.cacheFile, isBlameCache, 'the blame cache');
    if (read.value?.version === 2) this.cache = read.value;
    this.note = read.note;
  }

  async save(): Promise<void> {
    if (!this.cacheFile || !this.dirty) return;
    await writeOwnedJson(this.cacheFile, this.cache);
  }

  /** Origins of the given lines of each file (paths relative to the repository top). */
  async blame(requests: ReadonlyMap<string, readonly number[]>, signal?: AbortSignal, onFile?: (done: number, total: number) => void): Promise<Map<string, Map<number, LineOrigin>>> {
    const result = new Map<string, Map<number, LineOrigin>>();
    const queue = [...requests];
    let done = 0;
    // The history pass pays off from a handful of files on, and only runs on the first cache miss.
    this.history = queue.length >= 4 && this.useHistory ? null : Promise.resolve(null);
    const worker = async (): Promise<void> => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        signal?.throwIfAborted();
        const [file, wanted] = next;
        result.set(file, await this.blameFile(file, wanted));
        onFile?.(++done, requests.size);
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(blameConcurrency(), Math.max(1, queue.length)) }, () => worker()));
    } finally {
      const dir = await this.history?.then((h) => h?.dir);
      if (dir) await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
      this.history = null;
    }
    return result;
  }

  private async loadHistory(): Promise<{ history: FileHistory; dir: string; heads: Map<string, string> } | null> {
    const started = performance.now();
    const history = await FileHistory.load(this.top).catch(() => null);
    if (!history) return null;
    // HEAD's blob ids: a file equal to HEAD is blamed at HEAD, not as work tree (which reads the whole
    // index: 40-60 ms per file on a 40,000-file repository, against 10 ms).
    const tree = await gitExec(this.top, ['-c', 'core.quotePath=false', 'ls-tree', '-r', '-z', '--full-tree', 'HEAD']);
    const heads = new Map<string, string>();
    for (const entry of tree.code === 0 ? tree.stdout.split('\0') : []) {
      const tab = entry.indexOf('\t');
      const [, type, blob] = entry.slice(0, tab).split(' ');
      if (tab > 0 && type === 'blob' && blob) heads.set(entry.slice(tab + 1), blob);
    }
    this.historyMs = performance.now() - started;
    return { history, dir: await fs.mkdtemp(path.join(os.tmpdir(), 'debt-ledger-blame-')), heads };
  }

  private async blameFile(file: string, wanted: readonly number[]): Promise<Map<number, LineOrigin>> {
    const read = await readFileSafe(path.join(this.top, file), { maxBytes: MAX_BLAMED_FILE, root: this.top });
    if (!read.ok) return new Map();
    const content = read.bytes;
    const id = blobId(content);
    // By path and content: the same content elsewhere (an untracked copy, another file) has other origins.
    const key = `${id} ${file}`;
    const cached = this.cache.blobs[key];
    if (cached && wanted.every((l) => String(l) in cached)) {
      this.fromCache++;
      return new Map(wanted.map((l) => [l, cached[String(l)]!]));
    }
    const known = await (this.history ??= this.loadHistory());
    const grafts = known?.history.grafts(file) ?? null;
    let out = '';
    // With the history at hand, a file it never saw is untracked: every line uncommitted, no git call.
    if (!known || grafts) {
      const graftFile = grafts && known ? path.join(known.dir, `${this.blamed}-${Math.random().toString(36).slice(2)}`) : null;
      if (graftFile) await fs.writeFile(graftFile, grafts!);
      const base = ['blame', ...(graftFile ? ['-S', graftFile] : []), '--line-porcelain'];
      const at = known?.heads.get(file) === id ? ['HEAD'] : [];
      const run = await gitExec(this.top, [...base, ...lineRanges(wanted), ...at, '--', file]);
      // Lines beyond the file (it changed since the scan): blame it whole. Untracked or git failed: uncommitted.
      out = run.code === 0 ? run.stdout : (await gitExec(this.top, [...base, '--', file])).stdout;
      if (graftFile) await fs.rm(graftFile, { force: true });
    }
    this.blamed++;
    const all = parseLinePorcelain(out);
    const keep: Record<string, LineOrigin> = {};
    for (const l of wanted) keep[String(l)] = all.get(l) ?? { commit: null, date: null, author: null, email: null };
    // Uncommitted lines get a commit once committed: only committed origins are kept.
    const committed = Object.fromEntries(Object.entries(keep).filter(([, o]) => o.commit !== null));
    if (Object.keys(committed).length > 0) {
      this.cache.blobs[key] = committed;
      this.dirty = true;
    }
    return new Map(Object.entries(keep).map(([k, v]) => [Number(k), v]));
  }
}
