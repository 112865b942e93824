import * as path from 'node:path';
import { parse } from 'jsonc-parser';
import { decodeText, readFileSafeSync } from '../fs/safeFs';
import { noteRead } from '../fs/readTrail';

const MAX_BYTES = 1024 * 1024;

/**
 * The one place resilience reads project files itself: a `tsconfig.json`/`package.json` for module
 * resolution. Read through the workspace's safe reader (regular files only, inside `root`, at most 1 MiB),
 * parsed as JSONC (never evaluated). Any problem yields null: resolution then falls back to relative imports.
 */
export function readProjectJson(root: string, rel: string): unknown {
  noteRead(path.join(root, rel));
  const read = readFileSafeSync(path.join(root, rel), { maxBytes: MAX_BYTES, root });
  if (!read.ok) return null;
  const text = decodeText(read.bytes);
  if (text === null) return null;
  try {
    const value: unknown = parse(text, [], { allowTrailingComma: true });
    return value && typeof value === 'object' ? value : null;
  } catch {
    return null;
  }
}
