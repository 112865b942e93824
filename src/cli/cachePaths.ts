import { createHash } from 'node:crypto';
import * as os from 'node:os';
import * as path from 'node:path';

/** The tool's cache folder: `$XDG_CACHE_HOME/debt-ledger`, else `~/.cache/debt-ledger`. */
export function cacheDir(env: Readonly<Record<string, string | undefined>>): string {
  return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'debt-ledger');
}

/** Where the CLI keeps its content cache for a root: the user's cache folder, one file per root. */
export function defaultCacheFile(root: string, env: Readonly<Record<string, string | undefined>>): string {
  return path.join(cacheDir(env), `${createHash('sha1').update(root).digest('hex').slice(0, 16)}.json`);
}
