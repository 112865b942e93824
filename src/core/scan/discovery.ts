import { promises as fs } from 'node:fs';
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
  await walk(options.root, '', [], excluded, new Set(), (rel) => {
    if (keep(rel)) files.push(rel);
  }, options.signal);
  return { files: files.sort(), source: 'walk', gitNote };
}

interface IgnoreScope {
  base: string;
  rules: Ignore;
}

async function readIgnoreFile(dir: string): Promise<Ignore | null> {
  try {
    return ignore().add(await fs.readFile(path.join(dir, '.gitignore'), 'utf8'));
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

async function walk(
  absDir: string,
  relDir: string,
  parentScopes: readonly IgnoreScope[],
  excluded: PathTest,
  visited: Set<string>,
  onFile: (rel: string) => void,
  signal: AbortSignal | undefined,
): Promise<void> {
  signal?.throwIfAborted();
  let real: string;
  try {
    real = await fs.realpath(absDir);
  } catch {
    return;
  }
  if (visited.has(real)) return; // a symlink loop, or a folder reached twice
  visited.add(real);
  const own = await readIgnoreFile(absDir);
  const scopes = own ? [...parentScopes, { base: relDir, rules: own }] : parentScopes;
  let entries;
  try {
    entries = await fs.readdir(absDir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
    const abs = path.join(absDir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const target = await fs.stat(abs).catch(() => null);
      isDir = !!target?.isDirectory();
      isFile = !!target?.isFile();
    }
    if (excluded(rel) || isIgnored(scopes, rel, isDir)) continue;
    if (isDir) await walk(abs, rel, scopes, excluded, visited, onFile, signal);
    else if (isFile) onFile(rel);
  }
}
