import type { Sig } from '../../core/fs/readTrail';

/**
 * The stored run's file form (`run-<root>-<key>.run`): a one-line JSON header, then binary sections, so
 * a replay parses only the header (the key, git answers, side files, folders) and never the bulk. JSON
 * for 10,000 files and a 750 KB output took 9-12 ms to parse per replay; here the sizes and mtimes are
 * Float64 arrays read in place, the stat pass's input (folders and files, NUL-terminated, find's own
 * input form) goes to find as it is, and the output bytes are written as they are.
 *
 *   DLRUN2 <header bytes>\n<header JSON>  (spaces to a multiple of 8)
 *   sizes   Float64 x n   the scan's stat pass (-1 gone, -2 not a regular file)
 *   mtimes  Float64 x n
 *   input   folders then files, each followed by NUL
 *   stdout, stderr, text (the `-o` file's bytes, absent when there was none)
 *
 * The header states every section's length; a file of any other length, another byte order or a header
 * that is not this shape is not a stored run (a damaged or foreign file is ignored, as before).
 */
export interface RunSnapshot {
  v: number;
  key: string;
  /** A random id per written snapshot: what a `.stat` file next to it names. */
  id: string;
  /** The git calls' answers (see GitProbe); null without git. */
  git: string[] | null;
  side: [string, ...Sig][];
  dirs: [string, number, number][];
  /** Set when the files were listed by a walk: what the walk refused (symlinks out of the folder). */
  walk?: { file: string; reason: string }[];
  /** Number of listed files. */
  n: number;
  sizes: Float64Array;
  mtimes: Float64Array;
  /** The stat pass's input: the folders, then the files, each followed by NUL. */
  input: Buffer;
  /** False when a path cannot go to find (contains NUL or is empty): the pass then runs in Node. */
  findable: boolean;
  out: StoredOutput;
}

export interface StoredOutput {
  stdout: string;
  stderr: string;
  code: number;
  /** `-o`: the resolved path and the bytes written there. */
  file: string | null;
  text: string | Uint8Array | null;
}

/** What the header line holds: the snapshot's small fields, the output's code and file, and every section's length. */
type Header = Pick<RunSnapshot, 'v' | 'key' | 'id' | 'git' | 'side' | 'dirs' | 'walk' | 'findable'> &
  Pick<StoredOutput, 'code' | 'file'> & {
    /** Section lengths: files (n), input, stdout, stderr bytes; text bytes or -1. */
    len: [number, number, number, number, number];
  };

const MAGIC = 'DLRUN2 ';
const LITTLE_ENDIAN = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;

/** The paths of a stat input, in order (folders first). */
export function inputPaths(input: Buffer): string[] {
  if (input.length === 0) return [];
  const all = input.toString('utf8').split('\0');
  all.pop();
  return all;
}

export function encodeRunFile(snap: RunSnapshot): Buffer {
  return Buffer.concat(encodeRunFileChunks(snap));
}

/** The stored run's bytes as its sections, in order (written as they are, without one copy into a buffer). */
export function encodeRunFileChunks(snap: RunSnapshot): Buffer[] {
  const { out } = snap;
  const stdout = Buffer.from(out.stdout, 'utf8');
  const stderr = Buffer.from(out.stderr, 'utf8');
  const text = out.text === null ? null : typeof out.text === 'string' ? Buffer.from(out.text, 'utf8') : Buffer.from(out.text);
  const header: Header = {
    v: snap.v, key: snap.key, id: snap.id, git: snap.git, side: snap.side, dirs: snap.dirs, ...(snap.walk ? { walk: snap.walk } : {}),
    code: out.code, file: out.file, findable: snap.findable, len: [snap.n, snap.input.length, stdout.length, stderr.length, text ? text.length : -1],
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const first = Buffer.from(`${MAGIC}${json.length}\n`, 'latin1');
  const pad = Buffer.alloc((8 - ((first.length + json.length) % 8)) % 8, 0x20);
  const both = new Float64Array(snap.n * 2);
  both.set(snap.sizes, 0);
  both.set(snap.mtimes, snap.n);
  const floats = Buffer.from(both.buffer);
  return [first, json, pad, floats, snap.input, stdout, stderr, ...(text ? [text] : [])];
}

/** The stored run in `bytes`, or null when they are not one (damaged, truncated, another version or byte order). */
export function decodeRunFile(bytes: Buffer, version: number): RunSnapshot | null {
  if (!LITTLE_ENDIAN || bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) return null;
  const nl = bytes.indexOf(10, MAGIC.length);
  if (nl < 0 || nl > 32) return null;
  const jsonLength = Number(bytes.toString('latin1', MAGIC.length, nl));
  if (!Number.isInteger(jsonLength) || jsonLength <= 0 || nl + 1 + jsonLength > bytes.length) return null;
  let h: Header;
  try {
    h = JSON.parse(bytes.toString('utf8', nl + 1, nl + 1 + jsonLength)) as Header;
  } catch {
    return null;
  }
  if (!isHeader(h) || h.v !== version) return null;
  const [n, inputLength, stdoutLength, stderrLength, textLength] = h.len;
  let at = nl + 1 + jsonLength;
  at += (8 - (at % 8)) % 8;
  const floatsAt = at;
  at += n * 16;
  const end = at + inputLength + stdoutLength + stderrLength + Math.max(textLength, 0);
  if (end !== bytes.length) return null;
  // In place when aligned (a file read into its own buffer is), else copied.
  const floats = (bytes.byteOffset + floatsAt) % 8 === 0 ? new Float64Array(bytes.buffer, bytes.byteOffset + floatsAt, n * 2) : new Float64Array(bytes.buffer.slice(bytes.byteOffset + floatsAt, bytes.byteOffset + floatsAt + n * 16));
  const input = bytes.subarray(at, at + inputLength);
  at += inputLength;
  const stdout = bytes.toString('utf8', at, at + stdoutLength);
  at += stdoutLength;
  const stderr = bytes.toString('utf8', at, at + stderrLength);
  at += stderrLength;
  const text = textLength >= 0 ? bytes.subarray(at, at + textLength) : null;
  return {
    v: h.v, key: h.key, id: h.id, git: h.git, side: h.side, dirs: h.dirs, ...(h.walk ? { walk: h.walk } : {}),
    n, sizes: floats.subarray(0, n), mtimes: floats.subarray(n), input, findable: h.findable,
    out: { stdout, stderr, code: h.code, file: h.file, text },
  };
}

const isNum = (v: unknown): v is number => typeof v === 'number';

function isHeader(v: unknown): v is Header {
  const h = v as Partial<Header> | null;
  if (!h || typeof h !== 'object' || typeof h.v !== 'number' || typeof h.key !== 'string' || typeof h.id !== 'string' || typeof h.findable !== 'boolean') return false;
  if (h.git !== null && !(Array.isArray(h.git) && h.git.every((g) => typeof g === 'string'))) return false;
  if (!Array.isArray(h.side) || !h.side.every((s) => Array.isArray(s) && s.length === 4 && typeof s[0] === 'string' && isNum(s[1]) && isNum(s[2]) && isNum(s[3]))) return false;
  if (!Array.isArray(h.dirs) || !h.dirs.every((d) => Array.isArray(d) && d.length === 3 && typeof d[0] === 'string' && isNum(d[1]) && isNum(d[2]))) return false;
  if (h.walk !== undefined && !(Array.isArray(h.walk) && h.walk.every((w) => typeof w?.file === 'string' && typeof w.reason === 'string'))) return false;
  if (!Number.isInteger(h.code) || !(h.file === null || typeof h.file === 'string')) return false;
  const len = h.len;
  return Array.isArray(len) && len.length === 5 && len.every((x, i) => Number.isInteger(x) && (x >= 0 || (i === 4 && x === -1)));
}
