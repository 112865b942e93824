import * as path from 'node:path';
import { gitClient } from './loadGit';
import { realRoot } from '../fs/safeFs';

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
  const prefix = path.relative(top, realRoot(root)).split(path.sep).join('/');
  return { web: remote ? webBase(remote) : null, head, prefix: prefix.startsWith('..') ? '' : prefix };
}


/** `https://host/owner/repo` for a remote URL a browser can open, or null (a local path). Credentials are dropped. */
export function webBase(remote: string): string | null {
  const facts = parseRemoteUrl(remote);
  return facts ? `https://${facts.host}/${facts.path}` : null;
}

/** Where a repository lives, read from a remote URL: web host and repository path (`owner/repo`, `group/sub/project`). */
export interface RemoteFacts {
  /** Lower-case host, with a port only for http(s) URLs that name one. */
  host: string;
  /** Path without leading slash and `.git`. */
  path: string;
  /** The remote URL as configured (may hold credentials: never print it). */
  url: string;
}

/**
 * Parses a git remote URL: `https://host/owner/repo(.git)`, `ssh://git@host[:port]/group/project.git`,
 * scp-like `git@host:owner/repo.git`. Credentials in the URL are dropped. Null for local paths.
 */
export function parseRemoteUrl(url: string): RemoteFacts | null {
  const trimmed = url.trim();
  const scp = /^(?:[\w.-]+@)?([\w.-]+):(?!\/\/)(.+)$/.exec(trimmed);
  if (scp && !/^[A-Za-z]:[\\/]/.test(trimmed)) return clean(scp[1]!, scp[2]!, trimmed);
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return null;
  }
  if (!['https:', 'http:', 'ssh:', 'git:'].includes(parsed.protocol) || !parsed.hostname) return null;
  // An SSH port is not the web port: keep the port only for http(s).
  const host = parsed.protocol.startsWith('http') ? parsed.host : parsed.hostname;
  return clean(host, decodeURIComponent(parsed.pathname), trimmed);
}

function clean(host: string, path: string, url: string): RemoteFacts | null {
  const p = path.replace(/^\/+/, '').replace(/\/+$/, '').replace(/\.git$/, '');
  if (!p.includes('/')) return null;
  return { host: host.toLowerCase(), path: p, url };
}

/** The `origin` remote of the repository at `root` (else the first remote); null when there is none. Trusted folders only. */
export async function originRemote(root: string): Promise<RemoteFacts | null> {
  const git = gitClient(root);
  try {
    const names = (await git.raw(['remote'])).split('\n').map((s) => s.trim()).filter(Boolean);
    const name = names.includes('origin') ? 'origin' : names[0];
    if (!name) return null;
    return parseRemoteUrl((await git.raw(['remote', 'get-url', '--', name])).trim());
  } catch {
    return null;
  }
}

/** The commit HEAD points at, for permalinks; null outside a repository or before the first commit. */
export async function headCommit(root: string): Promise<string | null> {
  try {
    const sha = (await gitClient(root).raw(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])).trim();
    return /^[0-9a-f]{40,64}$/.test(sha) ? sha : null;
  } catch {
    return null;
  }
}
