import * as path from 'node:path';
import { webBase } from '../editor/permalink';
import { gitClient } from './loadGit';

/** Where a folder's files live on the web: the repository's web base (from `origin`), HEAD and the folder's path in the repo. */
export interface RepositoryWeb {
  /** `https://host/owner/repo`, or null without an `origin` a browser can open. */
  web: string | null;
  /** HEAD's full sha, or null before the first commit. */
  head: string | null;
  /** POSIX path of the folder inside the repository (`''` at the top). */
  prefix: string;
}

/** Asks git (array arguments, no shell) for the remote, HEAD and top level; null when the folder is not in a repository. */
export async function repositoryWeb(root: string): Promise<RepositoryWeb | null> {
  const git = gitClient(root);
  const raw = async (args: string[]): Promise<string | null> => {
    try {
      const out = (await git.raw(args)).trim();
      return out === '' ? null : out;
    } catch {
      return null;
    }
  };
  const top = await raw(['rev-parse', '--show-toplevel']);
  if (!top) return null;
  const [remote, head] = await Promise.all([raw(['config', '--get', 'remote.origin.url']), raw(['rev-parse', '--verify', '--quiet', 'HEAD'])]);
  const prefix = path.relative(top, root).split(path.sep).join('/');
  return { web: remote ? webBase(remote) : null, head, prefix: prefix.startsWith('..') ? '' : prefix };
}
