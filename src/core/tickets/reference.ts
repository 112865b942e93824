/**
 * A ticket reference as written in a marker, in one of the forms trackers use. Parsed here from the
 * item's `ticket` string (found by `scan/metadata.ts`), so the finder and the resolver evolve apart.
 */
export type TicketRef =
  /** `#123` (or a bare `123`): an issue of the repository's own tracker (origin remote, or the configured repo). */
  | { kind: 'number'; number: number; raw: string }
  /** `owner/repo#123` or `group/sub/project#123`. */
  | { kind: 'repoNumber'; repo: string; number: number; raw: string }
  /** A GitHub or GitLab issue/PR/MR URL: host, repository path, number. `forge` is the URL's shape. */
  | { kind: 'url'; forge: 'github' | 'gitlab'; host: string; repo: string; number: number; type: 'issue' | 'pull'; raw: string }
  /** `ABC-123`, or a Jira `/browse/ABC-123` or Linear `/issue/ABC-123` URL (then `host` is set). */
  | { kind: 'key'; key: string; project: string; host: string | null; raw: string };

const NUMBER = /^#?(\d{1,9})$/;
const REPO_NUMBER = /^([\w.-]+(?:\/[\w.-]+)+)#(\d{1,9})$/;
const KEY = /^([A-Z][A-Z0-9]{1,9})-(\d{1,9})$/;
const GITLAB_PATH = /^\/(.+?)\/-\/(issues|merge_requests|work_items)\/(\d{1,9})(?:[/?#].*)?$/;
const GITHUB_PATH = /^\/([\w.-]+\/[\w.-]+)\/(issues|pull|pulls)\/(\d{1,9})(?:[/?#].*)?$/;
const KEY_PATH = /^\/(?:browse|(?:[\w.-]+\/)?issue)\/([A-Z][A-Z0-9]{1,9}-\d{1,9})(?:[/?#].*)?$/;

/** Parses a ticket string (`#123`, `ABC-123`, `owner/repo#1`, an issue URL); null when it is none of them. */
export function parseTicketRef(ticket: string): TicketRef | null {
  const raw = ticket.trim();
  let m = NUMBER.exec(raw);
  if (m) return { kind: 'number', number: Number(m[1]), raw };
  m = KEY.exec(raw);
  if (m) return { kind: 'key', key: raw, project: m[1]!, host: null, raw };
  m = REPO_NUMBER.exec(raw);
  if (m) return { kind: 'repoNumber', repo: m[1]!, number: Number(m[2]), raw };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.host.toLowerCase();
  const pathname = decodeURIComponent(url.pathname);
  m = GITLAB_PATH.exec(pathname);
  if (m) return { kind: 'url', forge: 'gitlab', host, repo: m[1]!, number: Number(m[3]), type: m[2] === 'merge_requests' ? 'pull' : 'issue', raw };
  m = GITHUB_PATH.exec(pathname);
  if (m) return { kind: 'url', forge: 'github', host, repo: m[1]!, number: Number(m[3]), type: m[2] === 'issues' ? 'issue' : 'pull', raw };
  m = KEY_PATH.exec(pathname);
  if (m) return { kind: 'key', key: m[1]!, project: m[1]!.split('-')[0]!, host, raw };
  return null;
}

/** A stable cache key for a ticket at a tracker: provider id plus its own form of the reference. */
export function ticketKey(providerId: string, target: string): string {
  return `${providerId} ${target}`;
}
