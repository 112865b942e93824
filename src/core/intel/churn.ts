import { gitClient } from '../git/loadGit';

/**
 * How often each file changed in the last `windowDays` (commits touching it, from `git log --numstat`
 * through simple-git), by POSIX path relative to the repository top.
 */
export async function churnByFile(top: string, windowDays: number, now = new Date()): Promise<Map<string, number>> {
  const since = new Date(now.getTime() - windowDays * 86_400_000).toISOString();
  // -z: entries end with NUL, so a file name holding a newline stays one name.
  const out = await gitClient(top).raw(['log', '-z', '--no-renames', '--numstat', '--format=%x1e', `--since=${since}`, 'HEAD', '--']).catch(() => '');
  const churn = new Map<string, number>();
  for (const commit of out.split('\x1e')) {
    const files = new Set<string>();
    for (const entry of commit.split('\0')) {
      const m = /^\n?(?:\d+|-)\t(?:\d+|-)\t([\s\S]+)$/.exec(entry);
      if (m) files.add(m[1]!);
    }
    for (const f of files) churn.set(f, (churn.get(f) ?? 0) + 1);
  }
  return churn;
}
