import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { listGitFiles } from '../git/gitFiles';
import { compileExcludes, hasExtension, type PathTest } from './pathFilter';

export interface DiscoveryOptions {
  /** Absolute folder to list. */
  root: string;
  extensions: readonly string[];
  excludes: readonly string[];
  /** False in untrusted workspaces or with `--no-git`: list by walking the folder instead. */
  useGit: boolean;
  signal?: AbortSignal;
}

export interface Discovered {
  /** POSIX paths relative to the root, sorted. */
  files: string[];
  /** How the list was made: git's index plus untracked-not-ignored files, or a folder walk. */
  source: 'git' | 'walk';
  /** Why git was not used, when it was asked for and failed (e.g. not a repository). */
  gitNote: string | null;
}

/**
 * Lists the files a scan should read. Never lets a library glob the workspace: in a git work tree the
 * list comes from `git ls-files` (tracked plus untracked-not-ignored); elsewhere from a walk that
 * honours `.gitignore` files, prunes excluded folders before entering them, and never loops on symlinks.
 */
export async function discoverFiles(options: DiscoveryOptions): Promise<Discovered> {
  const extensions = new Set(options.extensions.map((e) => e.toLowerCase()));
  const excluded = compileExcludes(options.excludes);
  const keep = (rel: string): boolean => hasExtension(rel, extensions) && !excluded(rel);
  let gitNote: string | null = null;
  if (options.useGit) {
    const listed = await listGitFiles(options.root);
    if (listed.ok) return { files: listed.files.filter(keep).sort(), source: 'git', gitNote: null };
    gitNote = listed.reason;
  }
  const files: string[] = [];
  const walker = { excluded, visited: new Set<string>(), signal: options.signal, lastYield: performance.now(), onFile: (rel: string) => {
    if (keep(rel)) files.push(rel);
  } };
  await walk(walker, options.root, '', []);
  return { files: files.sort(), source: 'walk', gitNote };
}

interface IgnoreScope {
  base: string;
  rules: Ignore;
}

function readIgnoreFile(dir: string): Ignore | null {
  try {
    return ignore().add(readFileSync(path.join(dir, '.gitignore'), 'utf8'));
  } catch {
    return null;
  }
}

function isIgnored(scopes: readonly IgnoreScope[], rel: string, isDir: boolean): boolean {
  for (const scope of scopes) {
    const local = scope.base ? rel.slice(scope.base.length + 1) : rel;
    if (local && scope.rules.ignores(isDir ? `${local}/` : local)) return true;
  }
  return false;
}

interface Walker {
  excluded: PathTest;
  /** Real paths of folders entered, so symlink loops end. */
  visited: Set<string>;
  signal: AbortSignal | undefined;
  lastYield: number;
  onFile: (rel: string) => void;
}

/**
 * Depth-first walk with synchronous fs calls (a promise per readdir/realpath made most of a cached
 * run's time idle), yielding to the event loop every 25 ms so cancellation and the editor stay live.
 */
async function walk(w: Walker, absDir: string, relDir: string, parentScopes: readonly IgnoreScope[], knownReal?: string): Promise<void> {
  if (performance.now() - w.lastYield > 25) {
    await new Promise((resolve) => setImmediate(resolve));
    w.lastYield = performance.now();
  }
  w.signal?.throwIfAborted();
  let real: string;
  let entries: Dirent[];
  try {
    // A plain folder's real path is its parent's plus its name: only the root and symlinks need the call.
    real = knownReal ?? realpathSync.native(absDir);
    if (w.visited.has(real)) return; // a symlink loop, or a folder reached twice
    w.visited.add(real);
    entries = readdirSync(absDir, { withFileTypes: true });
  } catch {
    return;
  }
  const own = entries.some((e) => e.name === '.gitignore') ? readIgnoreFile(absDir) : null;
  const scopes = own ? [...parentScopes, { base: relDir, rules: own }] : parentScopes;
  for (const entry of entries) {
    const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
    const abs = path.join(absDir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = statSync(abs);
        isDir = target.isDirectory();
        isFile = target.isFile();
      } catch {
        continue; // dangling link
      }
    }
    if (w.excluded(rel) || isIgnored(scopes, rel, isDir)) continue;
    if (isDir) await walk(w, abs, rel, scopes, entry.isSymbolicLink() ? undefined : path.join(real, entry.name));
    else if (isFile) w.onFile(rel);
  }
}
