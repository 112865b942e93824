import { promises as fs, type Dirent } from 'node:fs';
import * as path from 'node:path';

/** Folders never listed below a created folder (the scan's own excludes still apply to every file). */
const SKIPPED_DIRS = new Set(['.git', 'node_modules']);

/**
 * The files below a folder, relative to `root` (POSIX), for a folder that was just created: the host's
 * watcher reports the folder but can miss files written into it before it watched it. Never follows
 * symbolic links; stops after `limit` files (returns null then: the caller rescans instead).
 */
export async function filesBelow(root: string, relDir: string, accept: (rel: string) => boolean, limit: number): Promise<string[] | null> {
  const found: string[] = [];
  const queue = [relDir];
  let visited = 0;
  while (queue.length > 0) {
    const dir = queue.shift()!;
    let entries: Dirent[];
    try {
      entries = await fs.readdir(path.join(root, dir), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (++visited > limit * 4) return null;
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) {
        if (!SKIPPED_DIRS.has(e.name)) queue.push(rel);
      } else if (e.isFile() && accept(rel)) {
        if (found.length >= limit) return null;
        found.push(rel);
      }
    }
  }
  return found;
}
