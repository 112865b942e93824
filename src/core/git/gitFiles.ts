import { gitExec, type GitOutput } from './gitExec';

export type GitFileList = { ok: true; files: string[] } | { ok: false; reason: string };

/** The raw answers of the listing's git calls (see `startGitListing`). */
export type GitListingOutputs = readonly [GitOutput, GitOutput, GitOutput, GitOutput];

/**
 * Starts the listing's git calls at once (they are independent; the listing is dropped when the checks
 * say no): one process wait instead of four on a cached run. The CLI's warm path starts them before
 * loading the CLI and compares their raw answers with the ones its stored output rests on.
 */
export function startGitListing(root: string, options: { submodules?: boolean } = {}): Promise<GitListingOutputs> {
  return Promise.all(gitListingArgs(options.submodules !== false).map((args) => gitExec(root, args))) as Promise<GitFileOutputsMutable>;
}

type GitFileOutputsMutable = [GitOutput, GitOutput, GitOutput, GitOutput];

/** The listing's four git calls (their order is `GitListingOutputs`'). */
export function gitListingArgs(submodules: boolean): readonly [string[], string[], string[], string[]] {
  return [
    // The work tree check, plus where the repository and its refs are (the warm path stats HEAD's ref).
    ['rev-parse', '--is-inside-work-tree', '--show-toplevel', '--git-dir', '--git-common-dir'],
    // An ignored folder inside a repository (a build output, a vendored corpus) would list as empty.
    // check-ignore exits 0 and names the path when it is ignored, 1 when not.
    ['check-ignore', '.'],
    // Tracked files, with the contents of checked-out submodules unless turned off (so git mode lists
    // what the walk finds); then untracked-not-ignored files of this repository. NUL-separated.
    // (--recurse-submodules cannot be combined with --others: two listings.)
    ['-c', 'core.quotePath=false', 'ls-files', '-z', '--cached', ...(submodules ? ['--recurse-submodules'] : [])],
    ['-c', 'core.quotePath=false', 'ls-files', '-z', '--others', '--exclude-standard'],
  ];
}

/** The file list (or why there is none) from the listing's answers. */
export function interpretGitListing([inside, ignored, cached, others]: GitListingOutputs): GitFileList {
  if (inside.error !== null) return { ok: false, reason: /ENOENT/.test(inside.error) ? 'git was not found' : `git failed: ${inside.error.split('\n')[0]}` };
  // In a bare repository or a .git folder: "false", then --show-toplevel fails.
  if (inside.stdout.split('\n')[0]!.trim() === 'false') return { ok: false, reason: 'not inside a git work tree' };
  if (inside.code !== 0) {
    if (/not a git repository/i.test(inside.stderr)) return { ok: false, reason: 'not a git repository' };
    return { ok: false, reason: `git failed: ${inside.stderr.trim().split('\n')[0] ?? ''}` };
  }
  if (inside.stdout.split('\n')[0]!.trim() !== 'true') return { ok: false, reason: 'not inside a git work tree' };
  if (ignored.code === 0 && ignored.stdout.trim() === '.') return { ok: false, reason: 'the folder is ignored by git' };
  for (const listed of [cached, others]) {
    if (listed.code !== 0) return { ok: false, reason: `git failed: ${(listed.error ?? listed.stderr).trim().split('\n')[0] ?? ''}` };
  }
  return { ok: true, files: [...new Set(`${cached.stdout}\0${others.stdout}`.split('\0').filter(Boolean))] };
}

/**
 * Files git knows in the work tree below `root`: tracked plus untracked-but-not-ignored, as POSIX paths
 * relative to `root`. Arguments go to git as an array; nothing passes through a shell.
 */
export async function listGitFiles(root: string, options: { submodules?: boolean } = {}, started?: Promise<GitListingOutputs>): Promise<GitFileList> {
  return interpretGitListing(await (started ?? startGitListing(root, options)));
}
