import { spawnSync } from 'node:child_process';
import type { SimpleGit } from 'simple-git';
import { GitFactsError } from './branchFacts';

/** git is not on PATH: said as such, not as "not a repository" or "user.name is not set". */
export class GitNotFoundError extends Error {
  constructor() {
    super('git was not found (install git, or put it on PATH)');
  }
}

let gitFound = false;

/** Throws GitNotFoundError when no `git` can be started. Checked once per process when it succeeds. */
export function ensureGit(): void {
  if (gitFound) return;
  const r = spawnSync('git', ['--version'], { stdio: 'ignore', timeout: 10_000, windowsHide: true });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') throw new GitNotFoundError();
  gitFound = true;
}

/** Whether an error came from failing to start git at all. */
export function isGitMissing(err: unknown): boolean {
  const m = (err as Error)?.message ?? '';
  return (err as NodeJS.ErrnoException)?.code === 'ENOENT' || /spawn git ENOENT/i.test(m);
}

/**
 * Refuses a user-given ref that git could read as an option (`--output=pwned.txt`) or that no ref can be
 * (control characters, spaces, absurd length). `what` names the flag or setting in the message.
 */
export function assertRefShape(ref: string, what: string): void {
  // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
  if (ref === '' || ref.startsWith('-') || /[\x00-\x20\x7f]/.test(ref) || ref.length > 256) {
    throw new GitFactsError(`${what} "${ref.slice(0, 60)}" is not a branch, tag or commit`, 'a ref never starts with "-" or holds spaces or control characters');
  }
}

/** The commit a user-given ref names (checked shape, `--end-of-options`), or null when it names none. */
export async function verifyCommit(git: SimpleGit, ref: string, what: string): Promise<string | null> {
  assertRefShape(ref, what);
  try {
    const out = (await git.raw(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).trim();
    return /^[0-9a-f]{40,64}$/.test(out) ? out : null;
  } catch (err) {
    if (isGitMissing(err)) throw new GitNotFoundError();
    return null;
  }
}
