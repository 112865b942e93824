import type * as SimpleGitModule from 'simple-git';
import type { SimpleGit } from 'simple-git';

let simpleGitModule: typeof SimpleGitModule | undefined;

/**
 * A simple-git client for `baseDir`. The library (~20 ms to load) is required on first use, so
 * activation and runs that never touch git do not pay for it. Every git call in the project goes
 * through simple-git with arguments as arrays: nothing passes through a shell.
 */
export function gitClient(baseDir: string): SimpleGit {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy load, see above
  simpleGitModule ??= require('simple-git') as typeof SimpleGitModule;
  return simpleGitModule.simpleGit({ baseDir, trimmed: false });
}
