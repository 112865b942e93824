import { readFileSafe, writeFileAtomic } from './safeFs';

/** The most a cache the tool owns may weigh before it is discarded rather than parsed. */
export const MAX_CACHE_FILE = 256 * 1024 * 1024;

export type CacheRead<T> = { value: T | null; /** Set when a file existed but was discarded (damaged, wrong shape). */ note: string | null };

/**
 * Reads a JSON file the tool owns (a cache): regular file, capped, parsed, then checked by `valid`.
 * A missing file is `null` quietly; a damaged one (truncated by a kill, `null`, wrong types) is `null`
 * with a note, so the caller rebuilds it instead of failing or trusting wrong data.
 */
export async function readOwnedJson<T>(file: string, valid: (v: unknown) => v is T, what: string): Promise<CacheRead<T>> {
  const read = await readFileSafe(file, { maxBytes: MAX_CACHE_FILE });
  if (!read.ok) return { value: null, note: read.refusal === 'missing' ? null : `${what} ${file} ignored (${read.reason}); rebuilding it` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(read.bytes.toString('utf8'));
  } catch {
    return { value: null, note: `${what} ${file} was damaged (not JSON); rebuilding it` };
  }
  return valid(parsed) ? { value: parsed, note: null } : { value: null, note: `${what} ${file} had an unexpected shape; rebuilding it` };
}

/** Writes a file the tool owns: temp file + rename, folder created when missing. */
export async function writeOwnedJson(file: string, value: unknown): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(value), { createDir: true });
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export const isStringOrNull = (v: unknown): boolean => v === null || typeof v === 'string';
