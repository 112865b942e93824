import type { SimpleGit } from 'simple-git';
import { gitClient } from './loadGit';
import { assertRefShape, ensureGit, verifyCommit } from './gitGuards';

/** A git problem the user can act on: a one-line message and what to do. */
export class GitFactsError extends Error {
  constructor(message: string, readonly hint: string) {
    super(message);
  }
}

export interface ChangedFile {
  status: 'A' | 'M' | 'D' | 'R';
  /** POSIX path relative to the repository root (the new path for renames). */
  path: string;
  /** The path at the base, for renames. */
  oldPath: string | null;
}

export interface BranchFacts {
  /** Absolute path of the repository's top level. */
  top: string;
  /** Branch name, or `detached at <sha>`. */
  branch: string;
  head: string;
  /** The base ref as resolved (`origin/main`, `main`...). */
  base: string;
  mergeBase: string;
  changed: ChangedFile[];
  linesAdded: number;
  linesDeleted: number;
  /** Commits on the branch (merge base excluded), oldest first. */
  commits: { sha: string; subject: string }[];
  /** Whether uncommitted changes are part of `changed` (editor) or not (CI). */
  includesUncommitted: boolean;
}

async function tryRaw(git: SimpleGit, args: string[]): Promise<string | null> {
  try {
    const out = (await git.raw(args)).trim();
    return out === '' ? null : out;
  } catch {
    return null;
  }
}

/** `-z` name-status output: status, path[, new path for renames/copies]. */
function parseNameStatus(out: string): ChangedFile[] {
  const tokens = out.split('\0').filter((t) => t !== '');
  const files: ChangedFile[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const code = tokens[i]![0]!;
    if (code === 'R' || code === 'C') {
      files.push({ status: code === 'R' ? 'R' : 'A', oldPath: tokens[i + 1]!, path: tokens[i + 2]! });
      i += 2;
    } else {
      files.push({ status: code === 'A' ? 'A' : code === 'D' ? 'D' : 'M', path: tokens[i + 1]!, oldPath: null });
      i += 1;
    }
  }
  return files;
}

/**
 * Candidate base refs, in order: the explicit one; else the remote's default branch, `main`, `master`
 * (and their `origin/` forms).
 */
async function resolveBase(git: SimpleGit, explicit: string | null): Promise<string> {
  const verify = async (ref: string): Promise<boolean> => (await verifyCommit(git, ref, '--base')) !== null;
  if (explicit) {
    assertRefShape(explicit, 'base');
    if (await verify(explicit)) return explicit;
    // Only a branch name can be fetched; `HEAD~300` or a sha is a commit that is not there (shallow clone?).
    const branchLike = /^[\w./-]+$/.test(explicit) && !/^[0-9a-f]{7,40}$/i.test(explicit) && !explicit.startsWith('HEAD');
    throw new GitFactsError(`unknown base "${explicit}"`, branchLike
      ? `fetch it first (git fetch origin ${explicit.replace(/^origin\//, '')}) or pass another --base`
      : 'no such commit here (a shallow clone? try git fetch --unshallow) or pass another --base');
  }
  const remoteHead = await tryRaw(git, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']);
  for (const ref of [remoteHead, 'main', 'master', 'origin/main', 'origin/master']) {
    if (ref && (await verify(ref))) return ref;
  }
  throw new GitFactsError('no base branch found (no origin/HEAD, main or master)', 'pass --base <ref> or set definitionOfDone.base');
}

/**
 * Everything the Definition of Done needs to know about the current branch, from git through simple-git
 * (arguments as arrays, never a shell). Throws GitFactsError for: not a repository, no commits yet,
 * an unknown base, or no merge base (with `git fetch --unshallow` advice for shallow clones).
 */
export async function branchFacts(root: string, options: { base: string | null; includeUncommitted: boolean }): Promise<BranchFacts> {
  ensureGit();
  if (options.base !== null) assertRefShape(options.base, 'base');
  let git: SimpleGit;
  try {
    git = gitClient(root);
  } catch (err) {
    throw new GitFactsError(`cannot run git in ${root}: ${(err as Error).message}`, 'install git and run inside a repository');
  }
  if ((await tryRaw(git, ['rev-parse', '--is-inside-work-tree'])) !== 'true') throw new GitFactsError(`${root} is not inside a git repository`, 'run it in a clone of the repository');
  const top = (await tryRaw(git, ['rev-parse', '--show-toplevel']))!;
  const head = await tryRaw(git, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  if (!head) throw new GitFactsError('the branch has no commits yet', 'commit first; the Definition of Done compares commits');
  const name = await tryRaw(git, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
  const branch = name ?? `detached at ${head.slice(0, 7)}`;
  const base = await resolveBase(git, options.base);
  const mergeBase = await tryRaw(git, ['merge-base', '--end-of-options', 'HEAD', base]);
  if (!mergeBase) {
    const shallow = (await tryRaw(git, ['rev-parse', '--is-shallow-repository'])) === 'true';
    if (shallow) throw new GitFactsError(`no merge base between HEAD and ${base}: this clone is shallow`, 'fetch the history: git fetch --unshallow (in CI: fetch-depth: 0)');
    throw new GitFactsError(`HEAD and ${base} share no history`, 'pass the branch this work started from with --base');
  }
  const to = options.includeUncommitted ? [] : ['HEAD'];
  const changed = parseNameStatus(await git.raw(['diff', '--name-status', '-M', '-z', mergeBase, ...to, '--']));
  if (options.includeUncommitted) {
    const untracked = (await git.raw(['ls-files', '--others', '--exclude-standard', '-z'])).split('\0').filter(Boolean);
    for (const path of untracked) if (!changed.some((c) => c.path === path)) changed.push({ status: 'A', path, oldPath: null });
  }
  let linesAdded = 0;
  let linesDeleted = 0;
  for (const line of (await git.raw(['diff', '--numstat', '-M', mergeBase, ...to, '--'])).split('\n')) {
    const m = /^(\d+|-)\t(\d+|-)\t/.exec(line);
    if (m) {
      linesAdded += m[1] === '-' ? 0 : Number(m[1]);
      linesDeleted += m[2] === '-' ? 0 : Number(m[2]);
    }
  }
  const log = await git.raw(['log', '--reverse', '--format=%H%x1f%s%x1e', '--end-of-options', `${mergeBase}..HEAD`, '--']);
  const commits = log.split('\x1e').map((r) => r.trim()).filter(Boolean).map((r) => {
    const [sha, subject] = r.split('\x1f');
    return { sha: sha!, subject: subject ?? '' };
  });
  return { top, branch, head, base, mergeBase, changed, linesAdded, linesDeleted, commits, includesUncommitted: options.includeUncommitted };
}

/** The main branch: origin's default branch, else main, else master (null when none exists). */
export async function defaultBranch(root: string): Promise<string | null> {
  return resolveBase(gitClient(root), null).catch(() => null);
}

/** A file's text at a commit, or null when it did not exist there. */
export async function readAt(root: string, commit: string, path: string): Promise<string | null> {
  try {
    return await gitClient(root).raw(['show', '--end-of-options', `${commit}:${path}`]);
  } catch {
    return null;
  }
}

/** Files changed between two commits (for "what changed since a sign-off"). */
export async function changedBetween(root: string, from: string, to: string): Promise<string[]> {
  return (await gitClient(root).raw(['diff', '--name-only', '-z', '--end-of-options', from, to, '--'])).split('\0').filter(Boolean);
}
