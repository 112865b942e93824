import { gitExec } from './gitExec';

export type GitFileList = { ok: true; files: string[] } | { ok: false; reason: string };

/**
 * Files git knows in the work tree below `root`: tracked plus untracked-but-not-ignored, as POSIX paths
 * relative to `root`. Arguments go to git as an array; nothing passes through a shell. The calls run at
 * once (they are independent; the listing is dropped when the checks say no): one process wait instead
 * of four on a cached run.
 */
export async function listGitFiles(root: string, options: { submodules?: boolean } = {}): Promise<GitFileList> {
  const [inside, ignored, cached, others] = await Promise.all([
    gitExec(root, ['rev-parse', '--is-inside-work-tree']),
    // An ignored folder inside a repository (a build output, a vendored corpus) would list as empty.
    // check-ignore exits 0 and names the path when it is ignored, 1 when not.
    gitExec(root, ['check-ignore', '.']),
    // Tracked files, with the contents of checked-out submodules unless turned off (so git mode lists
    // what the walk finds); then untracked-not-ignored files of this repository. NUL-separated.
    // (--recurse-submodules cannot be combined with --others: two listings.)
    gitExec(root, ['-c', 'core.quotePath=false', 'ls-files', '-z', '--cached', ...(options.submodules === false ? [] : ['--recurse-submodules'])]),
    gitExec(root, ['-c', 'core.quotePath=false', 'ls-files', '-z', '--others', '--exclude-standard']),
  ]);
  if (inside.error !== null) return { ok: false, reason: /ENOENT/.test(inside.error) ? 'git was not found' : `git failed: ${inside.error.split('\n')[0]}` };
  if (inside.code !== 0) {
    if (/not a git repository/i.test(inside.stderr)) return { ok: false, reason: 'not a git repository' };
    return { ok: false, reason: `git failed: ${inside.stderr.trim().split('\n')[0] ?? ''}` };
  }
  if (inside.stdout.trim() !== 'true') return { ok: false, reason: 'not inside a git work tree' };
  if (ignored.code === 0 && ignored.stdout.trim() === '.') return { ok: false, reason: 'the folder is ignored by git' };
  for (const listed of [cached, others]) {
    if (listed.code !== 0) return { ok: false, reason: `git failed: ${(listed.error ?? listed.stderr).trim().split('\n')[0] ?? ''}` };
  }
  return { ok: true, files: [...new Set(`${cached.stdout}\0${others.stdout}`.split('\0').filter(Boolean))] };
}
