import { gitClient } from './loadGit';

export type GitFileList = { ok: true; files: string[] } | { ok: false; reason: string };

/**
 * Files git knows in the work tree below `root`: tracked plus untracked-but-not-ignored, as POSIX paths
 * relative to `root`. Arguments go to git as an array; nothing passes through a shell.
 */
export async function listGitFiles(root: string, options: { submodules?: boolean } = {}): Promise<GitFileList> {
  try {
    const git = gitClient(root);
    const inside = (await git.raw(['rev-parse', '--is-inside-work-tree'])).trim();
    if (inside !== 'true') return { ok: false, reason: 'not inside a git work tree' };
    // An ignored folder inside a repository (a build output, a vendored corpus) would list as empty.
    // simple-git resolves on exit code 1 with empty stderr, so read the output: it names the path if ignored.
    const ignored = await git.raw(['check-ignore', '.']).then((out) => out.trim() === '.', () => false);
    if (ignored) return { ok: false, reason: 'the folder is ignored by git' };
    // Tracked files, with the contents of checked-out submodules unless turned off (so git mode lists
    // what the walk finds); then untracked-not-ignored files of this repository. NUL-separated.
    // (--recurse-submodules cannot be combined with --others: two listings, run side by side.)
    const [cached, others] = await Promise.all([
      git.raw(['-c', 'core.quotePath=false', 'ls-files', '-z', '--cached', ...(options.submodules === false ? [] : ['--recurse-submodules'])]),
      git.raw(['-c', 'core.quotePath=false', 'ls-files', '-z', '--others', '--exclude-standard']),
    ]);
    return { ok: true, files: [...new Set(`${cached}\0${others}`.split('\0').filter(Boolean))] };
  } catch (err) {
    const message = (err as Error).message ?? String(err);
    if (/not a git repository/i.test(message)) return { ok: false, reason: 'not a git repository' };
    if (/ENOENT|spawn git/i.test(message)) return { ok: false, reason: 'git was not found' };
    return { ok: false, reason: `git failed: ${message.split('\n')[0]}` };
  }
}
