import type { HttpPolicy, HttpResponse } from '../http';
import { isRateLimited, retryWaitMs } from '../http';
import { TrackerProblem, type ProviderConfig, type ProviderType, type TicketInfo } from '../model';

/** What one lookup returned: a fresh answer with its validator, or "not modified" for the cached one. */
export type Lookup = { notModified: true } | { notModified: false; info: TicketInfo; etag: string | null };

/** An issue as `tickets create` needs it: number, web URL and body (to find the stable id in). */
export interface RemoteIssue {
  number: number;
  url: string;
  body: string;
}

/** What a new issue carries. */
export interface NewIssue {
  title: string;
  body: string;
  labels: string[];
}

/** One tracker. `target` is the provider's own form of a reference: `owner/repo#12`, `group/project#3`, `ABC-1`. */
export interface TicketProvider {
  readonly type: ProviderType;
  /** Tracker identity for the cache and messages, e.g. `github api.github.com`. */
  readonly id: string;
  /** Web host (`github.com`, `gitlab.example.com`, `acme.atlassian.net`, `linear.app`). */
  readonly host: string;
  /** The entry's configuration (repo, keys...). */
  readonly config: ProviderConfig;
  /** Asks for one ticket. Throws TrackerProblem when the tracker cannot answer (then every ticket there is unknown). */
  lookup(target: string, etag: string | null, policy: HttpPolicy): Promise<Lookup>;
  /** Whether a token was found in the environment. */
  readonly authenticated: boolean;
  /** Every issue of a repository labelled `debt-ledger`, all pages (GitHub and GitLab; for idempotent `tickets create`). */
  listLedgerIssues?(repo: string, policy: HttpPolicy): Promise<RemoteIssue[]>;
  createIssue?(repo: string, issue: NewIssue, policy: HttpPolicy): Promise<RemoteIssue>;
}

/** The environment a provider may read: tokens and CI variables. */
export type Env = Readonly<Record<string, string | undefined>>;

/** The first non-empty variable among names. */
export function envValue(env: Env, ...names: (string | null)[]): string | null {
  for (const n of names) {
    const v = n ? env[n] : undefined;
    if (v && v.trim() !== '') return v.trim();
  }
  return null;
}

export function parseJson(res: HttpResponse): unknown {
  try {
    return JSON.parse(res.body) as unknown;
  } catch {
    return null;
  }
}

/**
 * The answer for statuses that mean the same everywhere: 304, 404/410 (missing), 401 (token),
 * 403/429 (rate limit, else no access). Returns null for a 200 the provider reads itself.
 */
export function commonStatus(res: HttpResponse, tracker: string, tokenHint: string): Lookup | null {
  if (res.status === 304) return { notModified: true };
  if (res.status === 404 || res.status === 410) return { notModified: false, info: { state: 'missing', closedAt: null }, etag: null };
  if (res.status === 401) throw new TrackerProblem(`${tracker} rejected the token (401): ${tokenHint}`, true);
  if (isRateLimited(res)) {
    const wait = retryWaitMs(res.headers);
    throw new TrackerProblem(`${tracker} rate limit reached${wait !== null ? ` (resets in ${Math.ceil(wait / 60_000)} min)` : ''}: ${tokenHint}`, true);
  }
  if (res.status === 403) throw new TrackerProblem(`${tracker} refused access (403): ${tokenHint}`, true);
  if (res.status >= 500) throw new TrackerProblem(`${tracker} failed (${res.status})`, true);
  if (res.status < 200 || res.status >= 300) throw new TrackerProblem(`${tracker} answered ${res.status}`, false);
  return null;
}

export const USER_AGENT = 'debt-ledger (ticket state; https://github.com/debt-ledger/debt-ledger)';

/** Trailing slashes off an API base. */
export function trimBase(url: string): string {
  return url.replace(/\/+$/, '');
}
