import { webBase } from '../git/remote';

export { webBase } from '../git/remote';

/**
 * A web link to a line at a commit, from a remote URL as git prints it (`https://github.com/o/r.git`,
 * `git@github.com:o/r.git`, `ssh://git@gitlab.com/g/r`). GitHub-style (`/blob/<sha>/<path>#L<n>`) for
 * GitHub and unknown hosts, GitLab's `/-/blob/`, Bitbucket's `/src/<sha>/<path>#lines-<n>`. Null when the
 * remote is not a URL a browser can open (a local path).
 */
export function permalink(remote: string, commit: string, file: string, line: number): string | null {
  const web = webBase(remote.trim());
  if (!web) return null;
  const encoded = file.split('/').map(encodeURIComponent).join('/');
  const host = new URL(web).hostname;
  if (host.includes('gitlab')) return `${web}/-/blob/${commit}/${encoded}#L${line}`;
  if (host.includes('bitbucket')) return `${web}/src/${commit}/${encoded}#lines-${line}`;
  return `${web}/blob/${commit}/${encoded}#L${line}`;
}

/** A link for a ticket: its own URL, or `#123` on the repository's issue tracker when the web base is known. */
export function ticketLink(ticket: string, web: string | null): string | null {
  if (/^https?:\/\//.test(ticket)) return ticket;
  const issue = /^#(\d+)$/.exec(ticket);
  if (issue && web) return new URL(web).hostname.includes('gitlab') ? `${web}/-/issues/${issue[1]}` : `${web}/issues/${issue[1]}`;
  return null;
}
