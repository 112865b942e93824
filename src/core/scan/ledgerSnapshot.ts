import { createHash } from 'node:crypto';
import { promises as fs, statSync } from 'node:fs';
import * as path from 'node:path';
import { sigOf, sigWith, type Sig } from '../fs/readTrail';
import type { LedgerItem, ScanStats, SkippedFile } from '../model';
import type { ResilienceSummary } from '../resilience/model';

/**
 * The warm path: a snapshot of a whole scan's result, reused as is when nothing that could change it has
 * changed. The per-file cache (`ScanCache`) still has to re-link resilience findings, rebuild ids and parse
 * every entry; on a re-run where nothing changed (the common case: a CI re-run, a second `scan`, the
 * editor reopening a folder) this file answers with one stat per file and one JSON parse.
 *
 * Valid when: the key (tool version, the whole configuration, today's date, root, how files were listed)
 * is equal, the file list is equal, every file's size and mtime are equal, and so is every other file the
 * scan read or looked for (fs/readTrail.ts: .gitattributes, workspace manifests, tsconfig/package.json for
 * module resolution, CODEOWNERS, .gitignore files) and every folder a walk listed. Files modified within
 * `RACY_MS` before the stat pass are "racy" (a second write in the same timestamp tick keeps the mtime;
 * FAT and network filesystems count in seconds; git has the same problem): then no snapshot is written,
 * and the next run takes the per-file path (which compares content hashes) and writes one.
 */
const VERSION = 3;
const RACY_MS = 3000;

/** One stat pass over the listed files: size (-1 gone, -2 not a regular file) and mtime of each. */
export interface Fingerprint {
  files: readonly string[];
  sizes: number[];
  mtimes: number[];
  /** Date.now() before the stat pass. */
  statAt: number;
}

export interface SnapshotResult {
  items: LedgerItem[];
  skipped: SkippedFile[];
  summaries: [string, ResilienceSummary][];
  stats: Pick<ScanStats, 'filesScanned'>;
}

/** The snapshot as stored (see `encodeSnapshot` for the file's form). */
export interface SnapshotFile {
  v: number;
  key: string;
  files: string;
  sizes: ArrayLike<number>;
  mtimes: ArrayLike<number>;
  statAt: number;
  /** Every other file the scan read or looked for (size, mtime, inode), and a walk's folders (mtime, inode): see fs/readTrail.ts. */
  side: [string, number, number, number][];
  dirs: [string, number, number][];
  /** The result, as JSON text: parsed only once every file checked out. */
  result: string;
}

/**
 * The file's form: one header line of JSON (key, side files, folders, section lengths), then the sizes and
 * mtimes as Float64 arrays, the file list and the result's JSON, as they are. The earlier form, one JSON
 * object holding the result as an escaped string, cost ~20 ms more per patched re-run of 8,005 files
 * (decoding and parsing 1.3 MB twice, the sizes and mtimes as JSON numbers).
 *
 *   DLSNAP3 <header bytes>\n<header JSON> (spaces to a multiple of 8) sizes mtimes files result
 */
const MAGIC = 'DLSNAP3 ';
const LITTLE_ENDIAN = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;

interface Header {
  v: number;
  key: string;
  statAt: number;
  side: SnapshotFile['side'];
  dirs: SnapshotFile['dirs'];
  /** Files (n), file-list bytes, result bytes. */
  len: [number, number, number];
}

export function encodeSnapshot(snap: SnapshotFile): Buffer {
  const files = Buffer.from(snap.files, 'utf8');
  const result = Buffer.from(snap.result, 'utf8');
  const header: Header = { v: snap.v, key: snap.key, statAt: snap.statAt, side: snap.side, dirs: snap.dirs, len: [snap.sizes.length, files.length, result.length] };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const first = Buffer.from(`${MAGIC}${json.length}\n`, 'latin1');
  const pad = Buffer.alloc((8 - ((first.length + json.length) % 8)) % 8, 0x20);
  const floats = new Float64Array(snap.sizes.length * 2);
  floats.set(snap.sizes);
  floats.set(snap.mtimes, snap.sizes.length);
  return Buffer.concat([first, json, pad, Buffer.from(floats.buffer), files, result]);
}

/** The snapshot in `bytes`, or null when they are not one of this form (damaged, truncated, another version or byte order). */
export function decodeSnapshot(bytes: Buffer): SnapshotFile | null {
  if (!LITTLE_ENDIAN || bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) return null;
  const nl = bytes.indexOf(10, MAGIC.length);
  if (nl < 0 || nl > 32) return null;
  const jsonLength = Number(bytes.toString('latin1', MAGIC.length, nl));
  if (!Number.isInteger(jsonLength) || jsonLength <= 0 || nl + 1 + jsonLength > bytes.length) return null;
  let h: Partial<Header>;
  try {
    h = JSON.parse(bytes.toString('utf8', nl + 1, nl + 1 + jsonLength)) as Partial<Header>;
  } catch {
    return null;
  }
  if (typeof h.v !== 'number' || typeof h.key !== 'string' || typeof h.statAt !== 'number' || !Array.isArray(h.side) || !Array.isArray(h.dirs)) return null;
  const entry = (e: unknown, n: number): boolean => Array.isArray(e) && e.length === n && typeof e[0] === 'string' && e.slice(1).every((x) => typeof x === 'number');
  if (!h.side.every((e) => entry(e, 4)) || !h.dirs.every((e) => entry(e, 3))) return null;
  const len = h.len;
  if (!Array.isArray(len) || len.length !== 3 || !len.every((x) => Number.isInteger(x) && x >= 0)) return null;
  const [n, filesLength, resultLength] = len;
  let at = nl + 1 + jsonLength;
  at += (8 - (at % 8)) % 8;
  if (at + n * 16 + filesLength + resultLength !== bytes.length) return null;
  // In place when aligned (a file read into its own buffer is), else copied.
  const floats = (bytes.byteOffset + at) % 8 === 0 ? new Float64Array(bytes.buffer, bytes.byteOffset + at, n * 2) : new Float64Array(bytes.buffer.slice(bytes.byteOffset + at, bytes.byteOffset + at + n * 16));
  at += n * 16;
  return {
    v: h.v, key: h.key, statAt: h.statAt, side: h.side, dirs: h.dirs, sizes: floats.subarray(0, n), mtimes: floats.subarray(n),
    files: bytes.toString('utf8', at, at + filesLength), result: bytes.toString('utf8', at + filesLength, bytes.length),
  };
}

/** Where the snapshot of a cache file lives (next to it). */
export function snapshotFileFor(cacheFile: string): string {
  return cacheFile.replace(/(\.json)?$/, '.ledger.json');
}

/** The snapshot key: everything besides the files that a scan's result depends on. */
export function snapshotKey(parts: Record<string, unknown>): string {
  return createHash('sha1').update(JSON.stringify(parts)).digest('hex');
}

/** Stats every listed file once (synchronously: thousands of promise round-trips cost more than the calls). */
export function fingerprint(root: string, files: readonly string[]): Fingerprint {
  const statAt = Date.now();
  const sizes = new Array<number>(files.length);
  const mtimes = new Array<number>(files.length);
  for (let i = 0; i < files.length; i++) {
    let st;
    try {
      st = statSync(path.join(root, files[i]!), { throwIfNoEntry: false });
    } catch {
      st = undefined;
    }
    sizes[i] = !st ? -1 : st.isFile() ? st.size : -2;
    mtimes[i] = st ? st.mtimeMs : 0;
  }
  return { files, sizes, mtimes, statAt };
}

/** A short digest of a fingerprint (for caches layered on the scan, like the enriched ledger). */
export function fingerprintDigest(fp: Fingerprint): string {
  const h = createHash('sha1');
  h.update(fp.files.join('\n'));
  h.update(Float64Array.from(fp.sizes));
  h.update(Float64Array.from(fp.mtimes));
  return h.digest('hex');
}

/** The stored result when the snapshot is valid for this key and fingerprint; null otherwise (or when damaged). */
export async function readSnapshot(file: string, key: string, fp: Fingerprint): Promise<SnapshotResult | null> {
  const read = await readSnapshotChanges(file, key, fp, 0);
  return read && read.changed.length === 0 ? read.result : null;
}

/**
 * The stored result and which listed files changed (indices into `fp.files`), when the key and the file
 * list are equal and at most `maxChanged` files differ in size or mtime; null otherwise (or when damaged).
 */
export async function readSnapshotChanges(file: string, key: string, fp: Fingerprint, maxChanged: number, seen?: ReadonlyMap<string, Sig>): Promise<{ result: SnapshotResult; changed: number[]; side: string[]; dirs: string[] } | null> {
  let snap: SnapshotFile | null;
  try {
    snap = decodeSnapshot(await fs.readFile(file));
  } catch {
    return null;
  }
  if (!snap || snap.v !== VERSION || snap.key !== key) return null;
  if (snap.sizes.length !== fp.sizes.length || snap.mtimes.length !== fp.mtimes.length || snap.files !== fp.files.join('\n')) return null;
  // .gitattributes, workspace manifests, tsconfig/package.json, CODEOWNERS, .gitignore, a walk's folders.
  // `seen`: stats of these paths taken moments ago (before the scan read anything), e.g. by the CLI's warm path.
  const sig = sigWith(seen);
  for (const [p, ...was] of snap.side) {
    const now = sig(p);
    if (now[0] !== was[0] || now[1] !== was[1] || now[2] !== was[2]) return null;
  }
  for (const [p, mtime, ino] of snap.dirs) {
    const now = sig(p);
    if (now[1] !== mtime || now[2] !== ino) return null;
  }
  const changed: number[] = [];
  for (let i = 0; i < fp.sizes.length; i++) {
    if (snap.sizes[i] !== fp.sizes[i] || snap.mtimes[i] !== fp.mtimes[i]) {
      changed.push(i);
      if (changed.length > maxChanged) return null;
    }
  }
  try {
    const result = JSON.parse(snap.result) as SnapshotResult;
    return Array.isArray(result.items) && Array.isArray(result.skipped) && Array.isArray(result.summaries) ? { result, changed, side: snap.side.map(([p]) => p), dirs: snap.dirs.map(([p]) => p) } : null;
  } catch {
    return null;
  }
}

/**
 * Writes the snapshot (temp file + rename, so a reader never sees half of it). `fp` must come from before
 * the files were read, so a change during the scan shows as a different stat next time.
 */
export async function writeSnapshot(file: string, key: string, fp: Fingerprint, result: SnapshotResult, trail: { files: readonly string[]; dirs: readonly string[]; startedAt: number }): Promise<void> {
  try {
    const side = [...new Set(trail.files)].map((p): [string, number, number, number] => [p, ...sigOf(p)]);
    const dirs = [...new Set(trail.dirs)].map((p): [string, number, number] => {
      const [, mtime, ino] = sigOf(p);
      return [p, mtime, ino];
    });
    // Racy: a file modified within the window before the stat pass (or a side file or folder before the scan).
    if (fp.mtimes.some((m) => m >= fp.statAt - RACY_MS) || side.some(([, , m]) => m >= trail.startedAt - RACY_MS) || dirs.some(([, m]) => m >= trail.startedAt - RACY_MS)) {
      await fs.rm(file, { force: true });
      return;
    }
    const data: SnapshotFile = { v: VERSION, key, files: fp.files.join('\n'), sizes: fp.sizes, mtimes: fp.mtimes, statAt: fp.statAt, side, dirs, result: JSON.stringify(result) };
    await fs.mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(tmp, encodeSnapshot(data));
    await fs.rename(tmp, file);
  } catch {
    // A snapshot that cannot be written only costs speed next time.
  }
}
