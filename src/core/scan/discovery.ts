import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { decodeText, isInside, readFileSafeSync } from '../fs/safeFs';
import { listGitFiles, type GitListingOutputs } from '../git/gitFiles';
import { noteDir, noteRead } from '../fs/readTrail';
import { joinNormal } from '../fs/joinPath';
import { compileExcludes, extensionTest, type PathTest } from './pathFilter';

export interface DiscoveryOptions {
  /** Absolute folder to list. */
  root: string;
  extensions: readonly string[];
  excludes: readonly string[];
  /** False in untrusted workspaces or with `--no-git`: list by walking the folder instead. */
  useGit: boolean;
  signal?: AbortSignal;
  /** False: leave submodules out (git mode lists their files, the walk enters them, by default). */
  submodules?: boolean;
  /** The git listing's answers, when already started (the CLI's warm path; always with submodules). */
  gitListing?: Promise<GitListingOutputs>;
  /** A walk's answer known to be unchanged (the CLI's warm path checked every folder and ignore file): used instead of walking. */
  walked?: { files: readonly string[]; skipped: readonly { file: string; reason: string }[] };
  /** The git listing's result known to be unchanged (the CLI's warm path: every answer it rests on is as recorded): used instead of interpreting the answers again. */
  gitListed?: readonly string[];
}

export interface Discovered {
  /** POSIX paths relative to the root, sorted. */
  files: string[];
  /** How the list was made: git's index plus untracked-not-ignored files, or a folder walk. */
  source: 'git' | 'walk';
  /** Why git was not used, when it was asked for and failed (e.g. not a repository). */
  gitNote: string | null;
  /** Paths the walk refused to enter or list (a symlink out of the root), with the reason. */
  skipped?: { file: string; reason: string }[];
}

/**
 * Lists the files a scan should read. Never lets a library glob the workspace: in a git work tree the
 * list comes from `git ls-files` (tracked plus untracked-not-ignored); elsewhere from a walk that
 * honours `.gitignore` files, prunes excluded folders before entering them, and never loops on symlinks.
 */
export async function discoverFiles(options: DiscoveryOptions): Promise<Discovered> {
  const wanted = extensionTest(new Set(options.extensions.map((e) => e.toLowerCase())));
  const excluded = compileExcludes(options.excludes);
  const keep = (rel: string): boolean => wanted(rel) && !excluded(rel);
  let gitNote: string | null = null;
  if (options.useGit && options.gitListed) return { files: [...options.gitListed], source: 'git', gitNote: null };
  if (options.useGit) {
    const listed = await listGitFiles(options.root, { submodules: options.submodules !== false }, options.submodules !== false ? options.gitListing : undefined);
    if (listed.ok) return { files: listed.files.filter(keep).sort(), source: 'git', gitNote: null };
    gitNote = listed.reason;
  }
  if (options.walked) return { files: [...options.walked.files], source: 'walk', gitNote, skipped: [...options.walked.skipped] };
  const files: string[] = [];
  const skipped: { file: string; reason: string }[] = [];
  // The walk tests every entry against the excludes already: a file it reports needs only the extension test.
  const walker = { excluded, submodules: options.submodules !== false, visited: new Set<string>(), signal: options.signal, lastYield: performance.now(), wanted, onFile: (rel: string) => {
    files.push(rel);
  }, onSkip: (rel: string, reason: string) => skipped.push({ file: rel, reason }) };
  await walk(walker, options.root);
  return { files: files.sort(), source: 'walk', gitNote, skipped };
}

interface IgnoreScope {
  base: string;
  rules: Ignore;
}

/** A `.gitignore` is read like any workspace file: regular, inside the root, at most 1 MiB (never `/dev/zero`, never a FIFO). */
function readIgnoreFile(dir: string, root: string): Ignore | null {
  noteRead(path.join(dir, '.gitignore'));
  const read = readFileSafeSync(path.join(dir, '.gitignore'), { maxBytes: MAX_IGNORE_FILE, root });
  const text = read.ok ? decodeText(read.bytes) : null;
  if (text === null) return null;
  try {
    return ignore().add(text);
  } catch {
    return null;
  }
}

const MAX_IGNORE_FILE = 1024 * 1024;

function isIgnored(scopes: readonly IgnoreScope[], rel: string, isDir: boolean): boolean {
  for (const scope of scopes) {
    const local = scope.base ? rel.slice(scope.base.length + 1) : rel;
    if (local && scope.rules.ignores(isDir ? `${local}/` : local)) return true;
  }
  return false;
}

interface Walker {
  excluded: PathTest;
  /** Whether to enter nested repositories (a folder holding `.git`). */
  submodules: boolean;
  /** Real paths of folders entered, so symlink loops end. */
  visited: Set<string>;
  signal: AbortSignal | undefined;
  lastYield: number;
  /** Whether a file's name is one the scan reads (its extension); tested before the excludes and ignore rules, which cost more. */
  wanted: (rel: string) => boolean;
  /** A file that is wanted, not excluded and not ignored. */
  onFile: (rel: string) => void;
  onSkip: (rel: string, reason: string) => void;
}

/**
 * Depth-first walk with synchronous fs calls (a promise per readdir/realpath made most of a cached
 * run's time idle), yielding to the event loop every 25 ms so cancellation and the editor stay live.
 * Iterative (an explicit stack), so no folder depth can overflow the call stack. A symlinked folder or
 * file whose real path is outside the root is never entered or listed.
 */
async function walk(w: Walker, rootDir: string): Promise<void> {
  const realRootDir = realpathSync.native(rootDir);
  const stack: Folder[] = [{ absDir: rootDir, relDir: '', scopes: [], knownReal: realRootDir }];
  for (let dir = stack.pop(); dir; dir = stack.pop()) {
    if (performance.now() - w.lastYield > 25) {
      await new Promise((resolve) => setImmediate(resolve));
      w.lastYield = performance.now();
    }
    w.signal?.throwIfAborted();
    listFolder(w, dir, rootDir, realRootDir, stack);
  }
}

interface Folder {
  absDir: string;
  relDir: string;
  scopes: readonly IgnoreScope[];
  knownReal?: string;
}

/**
 * One folder of the walk: its files reported, its subfolders pushed in order. A function of its own,
 * called per folder: V8 optimises it once, where the whole walk as one long-running call was compiled
 * twice (for the running call and for the next; 2 x 25-45 ms of background compile on the bench corpus).
 */
function listFolder(w: Walker, dir: Folder, rootDir: string, realRootDir: string, stack: Folder[]): void {
  const { absDir, relDir } = dir;
  let real: string;
  let entries: Dirent[];
  try {
    // A plain folder's real path is its parent's plus its name: only the root and symlinks need the call.
    real = dir.knownReal ?? realpathSync.native(absDir);
    if (w.visited.has(real)) return; // a symlink loop, or a folder reached twice
    w.visited.add(real);
    noteDir(absDir);
    entries = readdirSync(absDir, { withFileTypes: true });
  } catch {
    return;
  }
  if (!w.submodules && relDir !== '' && entries.some((e) => e.name === '.git')) return; // a submodule
  const own = entries.some((e) => e.name === '.gitignore') ? readIgnoreFile(absDir, rootDir) : null;
  const scopes = own ? [...dir.scopes, { base: relDir, rules: own }] : dir.scopes;
  const subdirs: Folder[] = [];
  for (const entry of entries) {
    const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    const isLink = entry.isSymbolicLink();
    // Most entries are files: one the scan would not read needs no exclude or ignore test.
    if (isFile && !w.wanted(rel)) continue;
    if (isLink) {
      const abs = joinNormal(absDir, entry.name);
      noteRead(abs); // stat follows it: a dangling link that starts pointing somewhere shows
      try {
        const target = statSync(abs);
        isDir = target.isDirectory();
        isFile = target.isFile();
        if (!isInside(realRootDir, realpathSync.native(abs))) {
          if (!w.excluded(rel) && !isIgnored(scopes, rel, isDir)) w.onSkip(rel, 'symlink outside the workspace');
          continue;
        }
      } catch {
        continue; // dangling link
      }
    }
    if (w.excluded(rel) || isIgnored(scopes, rel, isDir)) continue;
    if (isDir) subdirs.push({ absDir: joinNormal(absDir, entry.name), relDir: rel, scopes, ...(isLink ? {} : { knownReal: joinNormal(real, entry.name) }) });
    else if (isFile && (!isLink || w.wanted(rel))) w.onFile(rel);
  }
  for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]!);
}
