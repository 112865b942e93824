import { closeSync, fstatSync, openSync, readSync, constants } from 'node:fs';
import { parse } from 'jsonc-parser';

const MAX_BYTES = 1024 * 1024;

/**
 * The one place resilience reads project files itself: a `tsconfig.json`/`package.json` for module
 * resolution. Workspace files are hostile: regular files only (no FIFO, device or folder), not through
 * a symlink, at most 1 MiB, parsed as JSONC (never evaluated). Any problem yields null: resolution then
 * falls back to relative imports. (The integrator may reroute this through the scanner's safe reader.)
 */
export function readProjectJson(abs: string): unknown {
  let fd: number | undefined;
  try {
    fd = openSync(abs, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > MAX_BYTES) return null;
    const buf = Buffer.alloc(st.size);
    let read = 0;
    while (read < st.size) {
      const n = readSync(fd, buf, read, st.size - read, read);
      if (n === 0) break;
      read += n;
    }
    const value: unknown = parse(buf.subarray(0, read).toString('utf8'), [], { allowTrailingComma: true });
    return value && typeof value === 'object' ? value : null;
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
