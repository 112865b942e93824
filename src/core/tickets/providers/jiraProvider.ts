import { httpRequest, type HttpPolicy } from '../http';
import { TrackerProblem, type ProviderConfig } from '../model';
import { commonStatus, envValue, parseJson, trimBase, USER_AGENT, type Env, type Lookup, type TicketProvider } from './provider';

interface JiraIssue {
  fields?: { status?: { statusCategory?: { key?: unknown } }; resolutiondate?: unknown };
}

/** Jira's `2024-01-31T10:00:00.000+0000` as ISO 8601 (null when unreadable). */
export function jiraDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const t = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/**
 * Jira Cloud and Data Center: `GET /rest/api/2/issue/{key}?fields=status,resolutiondate`; status category
 * `done` means closed. Cloud: e-mail + API token (basic auth); Data Center: a personal access token (bearer).
 */
export function jiraProvider(config: ProviderConfig, env: Env): TicketProvider {
  const base = trimBase(config.apiUrl ?? config.baseUrl ?? '');
  const host = new URL(config.baseUrl ?? base).host.toLowerCase();
  const token = envValue(env, config.tokenEnv, 'JIRA_API_TOKEN');
  const email = envValue(env, config.emailEnv, 'JIRA_EMAIL');
  const auth = token ? (email ? `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}` : `Bearer ${token}`) : null;
  const tokenHint = token ? 'check JIRA_API_TOKEN (and JIRA_EMAIL for Cloud)' : 'set JIRA_API_TOKEN (and JIRA_EMAIL for Jira Cloud)';
  const tracker = `Jira (${host})`;
  return {
    type: 'jira',
    id: `jira ${base}`,
    host,
    config,
    authenticated: !!token,
    async lookup(key: string, etag: string | null, policy: HttpPolicy): Promise<Lookup> {
      const res = await httpRequest({
        method: 'GET',
        url: `${base}/rest/api/2/issue/${encodeURIComponent(key)}?fields=status,resolutiondate`,
        headers: { accept: 'application/json', 'user-agent': USER_AGENT, ...(auth ? { authorization: auth } : {}), ...(etag ? { 'if-none-match': etag } : {}) },
        idempotent: true,
        label: tracker,
      }, policy);
      const common = commonStatus(res, tracker, tokenHint);
      if (common) return common;
      const category = (parseJson(res) as JiraIssue | null)?.fields?.status?.statusCategory?.key;
      if (typeof category !== 'string') throw new TrackerProblem(`${tracker} answered without fields.status.statusCategory`, false);
      const closed = category === 'done';
      const closedAt = closed ? jiraDate((parseJson(res) as JiraIssue).fields?.resolutiondate) : null;
      return { notModified: false, info: { state: closed ? 'closed' : 'open', closedAt }, etag: res.headers.get('etag') };
    },
  };
}
