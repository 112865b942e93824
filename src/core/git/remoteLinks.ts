import { parseRemoteUrl } from './remote';
import { gitClient } from './loadGit';

/**
 * The web address of a git remote URL on GitHub or GitLab (`git@github.com:o/r.git`,
 * `https://gitlab.example/g/sub/p.git`, `ssh://git@host/o/r`), as `{ web, host }`; null for anything
 * else. Credentials in an https URL are dropped.
 */
export function webRepository(remoteUrl: string): { web: string; kind: 'github' | 'gitlab' } | null {
  const facts = parseRemoteUrl(remoteUrl);
  if (!facts || !/^[\w.-]+(?:\/[\w.-]+)+$/.test(facts.path)) return null;
  const host = facts.host.replace(/:\d+$/, '');
  const kind = host === 'github.com' || host.startsWith('github.') ? 'github' : host.includes('gitlab') ? 'gitlab' : null;
  return kind ? { web: `https://${facts.host}/${facts.path}`, kind } : null;
}

/** Blob permalink prefix for a web repository and commit: `<web>/blob/<sha>/` or `<web>/-/blob/<sha>/`. */
export function blobPrefix(repo: { web: string; kind: 'github' | 'gitlab' }, commit: string): string {
  return `${repo.web}${repo.kind === 'gitlab' ? '/-' : ''}/blob/${commit}/`;
}

/**
 * Permalink prefix for files of the work tree at `root` at HEAD, from the `origin` remote, made
 * relative to the repository top so paths relative to `root` append to it; null when unknown.
 */
export async function headBlobPrefix(root: string): Promise<string | null> {
  try {
    const git = gitClient(root);
    const remote = (await git.raw(['remote', 'get-url', '--end-of-options', 'origin'])).trim();
    const repo = webRepository(remote);
    if (!repo) return null;
    const commit = (await git.raw(['rev-parse', '--verify', '--end-of-options', 'HEAD'])).trim();
    const prefix = (await git.raw(['rev-parse', '--show-prefix'])).trim();
    return /^[0-9a-f]{40,64}$/.test(commit) ? `${blobPrefix(repo, commit)}${prefix.split('/').filter(Boolean).map(encodeURIComponent).join('/')}${prefix ? '/' : ''}` : null;
  } catch {
    return null;
  }
}
