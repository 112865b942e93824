import { spawn } from 'node:child_process';
import { gitExec } from '../git/gitExec';
import { assertRefShape } from '../git/gitGuards';

/** A git failure trend reports as one line (the CLI turns it into a usage error). */
export class TrendGitError extends Error {}

async function git(top: string, args: string[]): Promise<string> {
  const r = await gitExec(top, args);
  if (r.code !== 0) throw new TrendGitError((r.error ?? r.stderr).trim().split('\n')[0] || `git ${args[0]} failed`);
  return r.stdout;
}

/**
 * A branch or commit name from the user, resolved to a commit id. A leading `-` is refused (it would be read
 * as an option), and `--end-of-options` keeps git from reading it as one anyway.
 */
export async function resolveCommit(top: string, ref: string): Promise<string> {
  assertRefShape(ref, '--ref');
  const r = await gitExec(top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  const sha = r.stdout.trim();
  if (r.code !== 0 || !/^[0-9a-f]{40,64}$/.test(sha)) throw new TrendGitError(`--ref: no commit "${ref}" in this repository`);
  return sha;
}

/** First-parent commits of `head` since an ISO date, oldest first. */
export async function firstParentCommits(top: string, head: string, since: string): Promise<{ sha: string; date: string }[]> {
  const out = (await git(top, ['log', '--first-parent', `--since=${since}`, '--format=%H %cI', head, '--'])).trim();
  return out ? out.split('\n').map((l) => ({ sha: l.slice(0, l.indexOf(' ')), date: l.slice(l.indexOf(' ') + 1) })).reverse() : [];
}

/** Regular files (path from the top -> blob id) of a commit below `prefix` (`''` for all). */
export async function treeBlobs(top: string, commit: string, prefix: string): Promise<Map<string, string>> {
  const out = await git(top, ['-c', 'core.quotePath=false', 'ls-tree', '-r', '-z', '--full-tree', commit, '--', ...(prefix ? [prefix] : [])]);
  const files = new Map<string, string>();
  for (const entry of out.split('\0')) {
    // <mode> SP <type> SP <object> TAB <file>
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, blob] = entry.slice(0, tab).split(' ');
    if (type === 'blob' && (mode === '100644' || mode === '100755') && blob) files.set(entry.slice(tab + 1), blob);
  }
  return files;
}

/** One first-parent commit's changes: path -> new blob id, or null when deleted (or no longer a regular file). */
export interface CommitChanges {
  sha: string;
  changes: Map<string, string | null>;
}

/**
 * The changes of every first-parent commit after `from` up to `to`, oldest first, from ONE `git log --raw -z`
 * (each merge diffed against its first parent). Commits that change nothing below `prefix` are left out.
 */
export async function firstParentChanges(top: string, from: string, to: string, prefix: string): Promise<CommitChanges[]> {
  if (from === to) return [];
  const out = await git(top, ['-c', 'core.quotePath=false', 'log', '--first-parent', '--diff-merges=first-parent', '--reverse', '-z', '--raw', '--no-renames', '--no-abbrev', '--format=%x01%H', to, `^${from}`, '--', ...(prefix ? [prefix] : [])]);
  const commits: CommitChanges[] = [];
  for (const record of out.split('\x01')) {
    if (!record) continue;
    const sha = record.slice(0, record.search(/[\0\n]/));
    const changes = new Map<string, string | null>();
    const tokens = record.slice(sha.length).replace(/^\0?\n?/, '').split('\0');
    for (let i = 0; i + 1 < tokens.length; i += 2) {
      // :<old mode> <new mode> <old blob> <new blob> <status>, then the path
      const meta = tokens[i]!.replace(/^\n/, '');
      if (!meta.startsWith(':')) break;
      const [, newMode, , newBlob, status] = meta.slice(1).split(' ');
      const regular = newMode === '100644' || newMode === '100755';
      changes.set(tokens[i + 1]!, status === 'D' || !regular ? null : newBlob!);
    }
    commits.push({ sha, changes });
  }
  return commits;
}

/** Reads blobs by id through one `git cat-file --batch` process; ids missing or larger than `maxSize` are left out. */
export async function readBlobs(top: string, ids: readonly string[], maxSize: number): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (ids.length === 0) return out;
  const child = spawn('git', ['cat-file', '--batch'], { cwd: top, stdio: ['pipe', 'pipe', 'ignore'] });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (d: Buffer) => chunks.push(d));
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', () => resolve());
  });
  child.stdin.on('error', () => undefined);
  child.stdin.end(ids.join('\n') + '\n');
  await done;
  const buf = Buffer.concat(chunks);
  let at = 0;
  for (const id of ids) {
    const nl = buf.indexOf(10, at);
    if (nl < 0) break;
    const header = buf.subarray(at, nl).toString();
    at = nl + 1;
    const m = /^[0-9a-f]+ blob (\d+)$/.exec(header);
    if (!m) continue; // missing
    const size = Number(m[1]);
    const bytes = buf.subarray(at, at + size);
    if (size <= maxSize && !bytes.subarray(0, 8000).includes(0)) out.set(id, bytes.toString('utf8').replace(/^\uFEFF/, ''));
    at += size + 1;
  }
  return out;
}
