import { httpRequest, type HttpPolicy } from '../http';
import { TrackerProblem, type ProviderConfig } from '../model';
import { commonStatus, envValue, parseJson, trimBase, USER_AGENT, type Env, type Lookup, type NewIssue, type RemoteIssue, type TicketProvider } from './provider';

interface GitlabIssue {
  iid?: unknown;
  state?: unknown;
  closed_at?: unknown;
  merged_at?: unknown;
  web_url?: unknown;
  description?: unknown;
}

const MAX_PAGES = 20;

/** The API base: the entry's `apiUrl`; else `CI_API_V4_URL` when the job runs on this host; else `https://<host>/api/v4`. */
export function gitlabApiBase(config: ProviderConfig, env: Env): string {
  if (config.apiUrl) return trimBase(config.apiUrl);
  const host = config.host ?? 'gitlab.com';
  if (env.CI_API_V4_URL && (env.CI_SERVER_HOST ?? '').toLowerCase() === host) return trimBase(env.CI_API_V4_URL);
  return `https://${host}/api/v4`;
}

function toRemote(i: GitlabIssue): RemoteIssue {
  return { number: Number(i.iid), url: String(i.web_url ?? ''), body: typeof i.description === 'string' ? i.description : '' };
}

/** GitLab.com and self-managed: `GET /api/v4/projects/:id/issues/:iid` (`!12` targets merge requests). */
export function gitlabProvider(config: ProviderConfig, env: Env): TicketProvider {
  const host = config.host ?? 'gitlab.com';
  const api = gitlabApiBase(config, env);
  const personal = envValue(env, config.tokenEnv, 'GITLAB_TOKEN');
  const job = personal ? null : envValue(env, 'CI_JOB_TOKEN');
  const tokenHint = personal || job ? 'check the token (read_api scope; a CI_JOB_TOKEN may not read issues: set GITLAB_TOKEN)' : 'set GITLAB_TOKEN (a token with read_api)';
  const headers = (): Record<string, string> => ({
    accept: 'application/json',
    'user-agent': USER_AGENT,
    ...(personal ? { 'private-token': personal } : job ? { 'job-token': job } : {}),
  });
  const tracker = `GitLab (${new URL(api).host})`;
  const project = (repo: string): string => `${api}/projects/${encodeURIComponent(repo)}`;
  return {
    type: 'gitlab',
    id: `gitlab ${api}`,
    host,
    config,
    authenticated: !!(personal || job),
    async lookup(target: string, etag: string | null, policy: HttpPolicy): Promise<Lookup> {
      const m = /^(.+)([#!])(\d+)$/.exec(target)!;
      const kind = m[2] === '!' ? 'merge_requests' : 'issues';
      const res = await httpRequest({ method: 'GET', url: `${project(m[1]!)}/${kind}/${m[3]}`, headers: { ...headers(), ...(etag ? { 'if-none-match': etag } : {}) }, idempotent: true, label: tracker }, policy);
      const common = commonStatus(res, tracker, tokenHint);
      if (common) return common;
      const issue = parseJson(res) as GitlabIssue | null;
      const state = issue?.state;
      if (typeof state !== 'string') throw new TrackerProblem(`${tracker} answered without an issue state`, false);
      const closed = state === 'closed' || state === 'merged';
      const closedAt = closed ? (typeof issue!.closed_at === 'string' ? issue!.closed_at : typeof issue!.merged_at === 'string' ? issue!.merged_at : null) : null;
      return { notModified: false, info: { state: closed ? 'closed' : 'open', closedAt }, etag: res.headers.get('etag') };
    },
    async listLedgerIssues(repo: string, policy: HttpPolicy): Promise<RemoteIssue[]> {
      const found: RemoteIssue[] = [];
      for (let page = 1; page <= MAX_PAGES; page++) {
        const res = await httpRequest({ method: 'GET', url: `${project(repo)}/issues?labels=debt-ledger&scope=all&per_page=100&page=${page}`, headers: headers(), idempotent: true, label: tracker }, policy);
        if (commonStatus(res, tracker, tokenHint)) throw new TrackerProblem(`${tracker} could not list issues of ${repo} (${res.status})`, true);
        const list = parseJson(res);
        if (!Array.isArray(list)) throw new TrackerProblem(`${tracker} answered without an issue list`, true);
        for (const i of list as GitlabIssue[]) found.push(toRemote(i));
        const next = res.headers.get('x-next-page');
        if (!next || next.trim() === '') break;
      }
      return found;
    },
    async createIssue(repo: string, issue: NewIssue, policy: HttpPolicy): Promise<RemoteIssue> {
      const res = await httpRequest({ method: 'POST', url: `${project(repo)}/issues`, headers: { ...headers(), 'content-type': 'application/json' }, body: JSON.stringify({ title: issue.title, description: issue.body, labels: issue.labels.join(',') }), idempotent: false, label: tracker }, policy);
      if (res.status !== 201) throw new TrackerProblem(`${tracker} did not create the issue (${res.status}): ${tokenHint}; creating needs the api scope`, true);
      return toRemote(parseJson(res) as GitlabIssue);
    },
  };
}
