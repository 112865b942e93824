import { httpRequest, type HttpPolicy } from '../http';
import { TrackerProblem, type ProviderConfig } from '../model';
import { commonStatus, envValue, parseJson, trimBase, USER_AGENT, type Env, type Lookup, type TicketProvider } from './provider';

interface LinearAnswer {
  data?: { issue?: { state?: { type?: unknown }; completedAt?: unknown; canceledAt?: unknown } | null } | null;
  errors?: { message?: unknown; extensions?: { code?: unknown; type?: unknown } }[];
}

export const LINEAR_QUERY = 'query DebtLedgerIssue($id: String!) { issue(id: $id) { identifier completedAt canceledAt state { type } } }';

/** Linear's GraphQL API: `issue(id: "ENG-123")`; state type `completed` or `canceled` means closed. */
export function linearProvider(config: ProviderConfig, env: Env): TicketProvider {
  const api = trimBase(config.apiUrl ?? 'https://api.linear.app/graphql');
  const token = envValue(env, config.tokenEnv, 'LINEAR_API_KEY');
  const tracker = `Linear (${new URL(api).host})`;
  const tokenHint = token ? 'check LINEAR_API_KEY (a personal API key with read access)' : 'set LINEAR_API_KEY';
  return {
    type: 'linear',
    id: `linear ${api}`,
    host: config.host ?? 'linear.app',
    config,
    authenticated: !!token,
    async lookup(key: string, _etag: string | null, policy: HttpPolicy): Promise<Lookup> {
      if (!token) throw new TrackerProblem(`${tracker} needs a token: ${tokenHint}`, true);
      // A read-only query: safe to retry although it is a POST.
      const res = await httpRequest({
        method: 'POST',
        url: api,
        headers: { 'content-type': 'application/json', accept: 'application/json', 'user-agent': USER_AGENT, authorization: token },
        body: JSON.stringify({ query: LINEAR_QUERY, variables: { id: key } }),
        idempotent: true,
        label: tracker,
      }, policy);
      const answer = parseJson(res) as LinearAnswer | null;
      const codes = (answer?.errors ?? []).map((e) => String(e.extensions?.code ?? ''));
      if (codes.includes('RATELIMITED')) throw new TrackerProblem(`${tracker} rate limit reached: ${tokenHint}`, true);
      if (codes.includes('AUTHENTICATION_ERROR')) throw new TrackerProblem(`${tracker} rejected the token: ${tokenHint}`, true);
      if (res.status !== 200 || !answer?.data?.issue) {
        const notFound = (answer?.errors ?? []).some((e) => /not found/i.test(String(e.message ?? '')));
        if (notFound) return { notModified: false, info: { state: 'missing', closedAt: null }, etag: null };
        const common = commonStatus(res, tracker, tokenHint);
        if (common) return common;
        throw new TrackerProblem(`${tracker} answered without the issue (${String(answer?.errors?.[0]?.message ?? res.status)})`, false);
      }
      const issue = answer.data.issue;
      const type = String(issue.state?.type ?? '');
      const closed = type === 'completed' || type === 'canceled';
      const closedAt = closed ? String(issue.completedAt ?? issue.canceledAt ?? '') || null : null;
      return { notModified: false, info: { state: closed ? 'closed' : 'open', closedAt }, etag: null };
    },
  };
}
