import { httpRequest, type HttpPolicy } from '../http';
import { TrackerProblem, type ProviderConfig } from '../model';
import { commonStatus, envValue, parseJson, trimBase, USER_AGENT, type Env, type Lookup, type NewIssue, type RemoteIssue, type TicketProvider } from './provider';

interface GithubIssue {
  number?: unknown;
  state?: unknown;
  closed_at?: unknown;
  html_url?: unknown;
  body?: unknown;
}

/** Most pages read when listing issues (100 each). */
const MAX_PAGES = 20;

/** The API base: the entry's `apiUrl`; else `GITHUB_API_URL` when it serves this host (Actions); else github.com's or Enterprise's `/api/v3`. */
export function githubApiBase(config: ProviderConfig, env: Env): string {
  if (config.apiUrl) return trimBase(config.apiUrl);
  const host = config.host ?? 'github.com';
  const serverHost = env.GITHUB_SERVER_URL ? safeHost(env.GITHUB_SERVER_URL) : 'github.com';
  if (env.GITHUB_API_URL && serverHost === host) return trimBase(env.GITHUB_API_URL);
  return host === 'github.com' ? 'https://api.github.com' : `https://${host}/api/v3`;
}

function safeHost(url: string): string | null {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
}

function toRemote(i: GithubIssue): RemoteIssue {
  return { number: Number(i.number), url: String(i.html_url ?? ''), body: typeof i.body === 'string' ? i.body : '' };
}

/** The `rel="next"` URL of a Link header. */
export function nextLink(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (m) return m[1]!;
  }
  return null;
}

/** GitHub and GitHub Enterprise Server: REST `GET /repos/{owner}/{repo}/issues/{number}` (issues and pull requests). */
export function githubProvider(config: ProviderConfig, env: Env): TicketProvider {
  const host = config.host ?? 'github.com';
  const api = githubApiBase(config, env);
  const token = envValue(env, config.tokenEnv, 'GITHUB_TOKEN', 'GH_TOKEN');
  const tokenHint = token ? 'check the token in GITHUB_TOKEN/GH_TOKEN (read access to issues)' : 'set GITHUB_TOKEN or GH_TOKEN (unauthenticated: 60 requests an hour)';
  const headers = (): Record<string, string> => ({
    accept: 'application/vnd.github+json',
    'x-github-api-version': '2022-11-28',
    'user-agent': USER_AGENT,
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  });
  const tracker = `GitHub (${new URL(api).host})`;
  return {
    type: 'github',
    id: `github ${api}`,
    host,
    config,
    authenticated: !!token,
    async lookup(target: string, etag: string | null, policy: HttpPolicy): Promise<Lookup> {
      const [repo, number] = target.split('#') as [string, string];
      const res = await httpRequest({ method: 'GET', url: `${api}/repos/${repo}/issues/${number}`, headers: { ...headers(), ...(etag ? { 'if-none-match': etag } : {}) }, idempotent: true, label: tracker }, policy);
      const common = commonStatus(res, tracker, tokenHint);
      if (common) return common;
      const issue = parseJson(res) as GithubIssue | null;
      if (!issue || (issue.state !== 'open' && issue.state !== 'closed')) throw new TrackerProblem(`${tracker} answered without an issue state`, false);
      return { notModified: false, info: { state: issue.state, closedAt: typeof issue.closed_at === 'string' ? issue.closed_at : null }, etag: res.headers.get('etag') };
    },
    async listLedgerIssues(repo: string, policy: HttpPolicy): Promise<RemoteIssue[]> {
      const found: RemoteIssue[] = [];
      let url: string | null = `${api}/repos/${repo}/issues?state=all&labels=debt-ledger&per_page=100`;
      for (let page = 0; url && page < MAX_PAGES; page++) {
        const res = await httpRequest({ method: 'GET', url, headers: headers(), idempotent: true, label: tracker }, policy);
        if (commonStatus(res, tracker, tokenHint)) throw new TrackerProblem(`${tracker} could not list issues of ${repo} (${res.status})`, true);
        const list = parseJson(res);
        if (!Array.isArray(list)) throw new TrackerProblem(`${tracker} answered without an issue list`, true);
        for (const i of list as GithubIssue[]) found.push(toRemote(i));
        url = nextLink(res.headers.get('link'));
      }
      return found;
    },
    async createIssue(repo: string, issue: NewIssue, policy: HttpPolicy): Promise<RemoteIssue> {
      const res = await httpRequest({ method: 'POST', url: `${api}/repos/${repo}/issues`, headers: { ...headers(), 'content-type': 'application/json' }, body: JSON.stringify({ title: issue.title, body: issue.body, labels: issue.labels }), idempotent: false, label: tracker }, policy);
      if (res.status !== 201) throw new TrackerProblem(`${tracker} did not create the issue (${res.status}): ${tokenHint}; creating needs write access to issues`, true);
      return toRemote(parseJson(res) as GithubIssue);
    },
  };
}
