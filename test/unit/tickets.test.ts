import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { resolveConfig } from '../../src/core/config/resolveConfig';
import { parseRemoteUrl } from '../../src/core/git/remote';
import type { LedgerItem } from '../../src/core/model';
import { defaultTicketsConfig, type ProviderConfig, type TicketsConfig } from '../../src/core/tickets/model';
import { parseTicketRef } from '../../src/core/tickets/reference';
import { isClosedTicketDebt, resolveTicketStates, type ResolveTicketsOptions } from '../../src/core/tickets/resolveTickets';
import { buildProviders, routeTicket } from '../../src/core/tickets/registry';
import { deadPort, FakeTracker, githubIssue, githubRateHeaders, type Handler } from './helpers/fakeTracker';
import { tempDir } from './helpers/tempDir';

const item = (ticket: string | null, extra: Partial<LedgerItem> = {}): LedgerItem => ({
  id: `id-${ticket}`, kind: 'marker', tag: 'TODO', file: 'a.ts', line: 1, column: 1, endLine: 1, text: 'x', owner: null, ticket, due: null, overdue: false,
  rule: null, client: null, reason: null, severity: null, endColumn: null, callers: null, introduced: null, team: null, author: null, interest: 0, scope: 'source', package: null, owners: [], labels: [], ...extra,
});

const FAST = { baseDelayMs: 10, maxWaitMs: 2000 };
const GITHUB_REMOTE = parseRemoteUrl('git@github.com:acme/app.git');

function provider(p: Partial<ProviderConfig> & Pick<ProviderConfig, 'type'>): ProviderConfig {
  return { host: null, apiUrl: null, baseUrl: null, repo: null, keys: [], tokenEnv: null, emailEnv: null, ...p };
}

function options(tickets: Partial<TicketsConfig>, extra: Partial<ResolveTicketsOptions> = {}): ResolveTicketsOptions {
  return { config: { ...defaultTicketsConfig(), ...tickets }, env: {}, remote: GITHUB_REMOTE, cacheFile: null, policy: FAST, ...extra };
}

/** GitHub answers: #1 open, #2 closed, anything else the documented 404. */
const github: Handler = (req) => {
  const m = /^\/repos\/acme\/app\/issues\/(\d+)$/.exec(req.url);
  if (m?.[1] === '1') return { status: 200, headers: { etag: 'W/"e1"', ...githubRateHeaders() }, body: githubIssue(1, 'open') };
  if (m?.[1] === '2') return { status: 200, headers: { etag: 'W/"e2"', ...githubRateHeaders() }, body: githubIssue(2, 'closed', '2024-03-01T00:00:00Z') };
  return { status: 404, headers: githubRateHeaders(), body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/issues/issues#get-an-issue', status: '404' } };
};

describe('ticket references and remotes', () => {
  it('parses every reference form and rejects the rest', () => {
    assert.deepEqual(parseTicketRef('#812'), { kind: 'number', number: 812, raw: '#812' });
    assert.deepEqual(parseTicketRef('812'), { kind: 'number', number: 812, raw: '812' }, 'a bare number, should the finder report one');
    assert.deepEqual(parseTicketRef('ABC-12'), { kind: 'key', key: 'ABC-12', project: 'ABC', host: null, raw: 'ABC-12' });
    assert.deepEqual(parseTicketRef('acme/app#3'), { kind: 'repoNumber', repo: 'acme/app', number: 3, raw: 'acme/app#3' });
    assert.deepEqual(parseTicketRef('https://github.com/acme/app/pull/9'), { kind: 'url', forge: 'github', host: 'github.com', repo: 'acme/app', number: 9, type: 'pull', raw: 'https://github.com/acme/app/pull/9' });
    assert.deepEqual(parseTicketRef('https://gitlab.example.com/g/sub/p/-/issues/4'), { kind: 'url', forge: 'gitlab', host: 'gitlab.example.com', repo: 'g/sub/p', number: 4, type: 'issue', raw: 'https://gitlab.example.com/g/sub/p/-/issues/4' });
    assert.equal((parseTicketRef('https://acme.atlassian.net/browse/OPS-7') as { key: string }).key, 'OPS-7');
    assert.equal((parseTicketRef('https://linear.app/acme/issue/ENG-5/some-title') as { key: string }).key, 'ENG-5');
    for (const bad of ['#', 'abc-1', 'javascript:alert(1)', 'https://example.com/x', '']) assert.equal(parseTicketRef(bad), null, bad);
  });

  it('reads GitHub and GitLab remotes in https, ssh and scp form, dropping credentials', () => {
    assert.deepEqual(parseRemoteUrl('https://user:secret@github.com/acme/app.git'), { host: 'github.com', path: 'acme/app', url: 'https://user:secret@github.com/acme/app.git' });
    assert.equal(parseRemoteUrl('ssh://git@gitlab.example.com:2222/group/sub/proj.git')?.host, 'gitlab.example.com');
    assert.equal(parseRemoteUrl('ssh://git@gitlab.example.com:2222/group/sub/proj.git')?.path, 'group/sub/proj');
    assert.equal(parseRemoteUrl('git@github.com:acme/app.git')?.path, 'acme/app');
    assert.equal(parseRemoteUrl('/srv/git/app.git'), null);
    assert.equal(parseRemoteUrl('C:\\repos\\app'), null);
  });

  it('routes #n to the remote, URLs by host, keys to the tracker owning them', () => {
    const providers = buildProviders({ ...defaultTicketsConfig(), providers: [
      provider({ type: 'jira', baseUrl: 'https://acme.atlassian.net', host: 'acme.atlassian.net', keys: ['OPS'] }),
      provider({ type: 'linear', keys: ['ENG'] }),
      provider({ type: 'gitlab', host: 'gitlab.example.com' }),
    ] }, {});
    const route = (t: string, remote = GITHUB_REMOTE): string | undefined => {
      const r = routeTicket(parseTicketRef(t)!, providers, remote);
      return r ? `${r.provider.type} ${r.target}` : undefined;
    };
    assert.equal(route('#5'), 'github acme/app#5');
    assert.equal(route('#5', parseRemoteUrl('https://gitlab.example.com/g/p.git')), 'gitlab g/p#5');
    assert.equal(route('#5', null), undefined);
    assert.equal(route('https://gitlab.example.com/g/p/-/merge_requests/8'), 'gitlab g/p!8');
    assert.equal(route('https://github.com/other/lib/issues/2'), 'github other/lib#2');
    assert.equal(route('OPS-1'), 'jira OPS-1');
    assert.equal(route('ENG-1'), 'linear ENG-1');
    assert.equal(route('XYZ-1'), undefined);
  });

  it('validates the tickets section with key paths', () => {
    const { config, errors } = resolveConfig({ tickets: { providers: [{ type: 'jira', keys: ['ops'] }, { type: 'svn' }, { type: 'gitlab', apiUrl: 'http://gitlab.acme.io/api/v4' }, { type: 'github', host: 'ghe.acme.io', tokenEnv: 'GHE_TOKEN', extra: 1 }], closedGraceDays: -1, cacheTtlSeconds: 60 } });
    assert.deepEqual(errors.map((e) => e.path), ['tickets.providers[0].keys', 'tickets.providers[0].baseUrl', 'tickets.providers[1].type', 'tickets.providers[2].apiUrl', 'tickets.providers[3].extra', 'tickets.closedGraceDays']);
    assert.match(errors[3]!.message, /https URL \(http only for 127.0.0.1 or localhost\)/);
    assert.equal(config.tickets.cacheTtlSeconds, 60);
    assert.equal(config.tickets.closedGraceDays, 0);
    assert.deepEqual(config.tickets.providers.map((p) => `${p.type} ${p.host} ${p.apiUrl} ${p.tokenEnv}`), ['gitlab null null null', 'github ghe.acme.io null GHE_TOKEN']);
  });
});

describe('ticket state from GitHub (local server)', () => {
  it('open, closed and missing, with the token and API version sent', async (t) => {
    const server = await FakeTracker.start(t, github);
    const items = [item('#1'), item('#2'), item('#3'), item('https://github.com/acme/app/issues/2'), item(null)];
    const report = await resolveTicketStates(items, options({}, { env: { GITHUB_API_URL: server.url, GITHUB_TOKEN: 'tok-1' } }));
    assert.deepEqual(items.map((i) => i.ticketState), ['open', 'closed', 'missing', 'closed', undefined]);
    assert.equal(items[1]!.ticketClosedAt, '2024-03-01T00:00:00Z');
    assert.deepEqual(report.warnings, []);
    assert.equal(report.requests, 3, 'the same ticket twice is asked once');
    assert.equal(server.requests[0]!.headers.authorization, 'Bearer tok-1');
    assert.equal(server.requests[0]!.headers['x-github-api-version'], '2022-11-28');
  });

  it('401: unknown, one warning naming the token variable, no further requests', async (t) => {
    const server = await FakeTracker.start(t, () => ({ status: 401, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' } }));
    const items = [item('#1'), item('#2'), item('#3'), item('#4'), item('#5')];
    const report = await resolveTicketStates(items, options({}, { env: { GITHUB_API_URL: server.url, GITHUB_TOKEN: 'bad' } }));
    assert.deepEqual(new Set(items.map((i) => i.ticketState)), new Set(['unknown']));
    assert.equal(report.warnings.length, 1);
    assert.match(report.warnings[0]!, /rejected the token \(401\).*GITHUB_TOKEN/);
    assert.ok(server.requests.length <= 4, `stops asking after the first refusal (concurrency 4), sent ${server.requests.length}`);
  });

  it('403 with x-ratelimit-remaining 0 and a reset an hour away: unknown and one warning, no stall', async (t) => {
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    const server = await FakeTracker.start(t, () => ({ status: 403, headers: { 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset, 'x-ratelimit-resource': 'core' }, body: { message: 'API rate limit exceeded for 127.0.0.1.', documentation_url: 'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting' } }));
    const items = [item('#1'), item('#2')];
    const started = Date.now();
    const report = await resolveTicketStates(items, options({}, { env: { GITHUB_API_URL: server.url } }));
    assert.ok(Date.now() - started < 1500, 'did not wait for the reset');
    assert.deepEqual(items.map((i) => i.ticketState), ['unknown', 'unknown']);
    assert.equal(report.warnings.length, 1);
    assert.match(report.warnings[0]!, /rate limit reached \(resets in 60 min\).*set GITHUB_TOKEN/);
  });

  it('429 with Retry-After: waits that long, then takes the answer', async (t) => {
    const server = await FakeTracker.start(t, (req, n) => (n === 1 ? { status: 429, headers: { 'retry-after': '1' }, body: { message: 'You have exceeded a secondary rate limit' } } : github(req, n)));
    const items = [item('#1')];
    const started = Date.now();
    await resolveTicketStates(items, options({}, { env: { GITHUB_API_URL: server.url } }));
    assert.equal(items[0]!.ticketState, 'open');
    assert.ok(Date.now() - started >= 950, `honoured Retry-After (${Date.now() - started} ms)`);
    assert.equal(server.requests.length, 2);
  });

  it('5xx then success: retried with backoff', async (t) => {
    const server = await FakeTracker.start(t, (req, n) => (n <= 2 ? { status: n === 1 ? 502 : 503, body: 'bad gateway' } : github(req, n)));
    const items = [item('#2')];
    const report = await resolveTicketStates(items, options({}, { env: { GITHUB_API_URL: server.url } }));
    assert.equal(items[0]!.ticketState, 'closed');
    assert.deepEqual(report.warnings, []);
    assert.equal(server.requests.length, 3);
  });

  it('5xx every time: bounded retries, then unknown', async (t) => {
    const server = await FakeTracker.start(t, () => ({ status: 500, body: {} }));
    const items = [item('#1')];
    const report = await resolveTicketStates(items, options({}, { env: { GITHUB_API_URL: server.url } }));
    assert.equal(items[0]!.ticketState, 'unknown');
    assert.equal(server.requests.length, 3, 'one try and two retries');
    assert.match(report.warnings[0]!, /failed \(500\)/);
  });

  it('a hanging server: every attempt times out, the run ends, tickets unknown', async (t) => {
    const server = await FakeTracker.start(t, () => 'hang');
    const items = [item('#1'), item('#2'), item('#3')];
    const started = Date.now();
    const report = await resolveTicketStates(items, options({ timeoutMs: 150 }, { env: { GITHUB_API_URL: server.url } }));
    const took = Date.now() - started;
    assert.deepEqual(items.map((i) => i.ticketState), ['unknown', 'unknown', 'unknown']);
    assert.ok(took < 3000, `bounded: ${took} ms`);
    assert.equal(report.warnings.length, 1);
    assert.match(report.warnings[0]!, /unreachable \(no answer within 150 ms\)/);
  });

  it('a server that is down: unknown and one warning', async () => {
    const port = await deadPort();
    const items = [item('#1'), item('OPS-1')];
    const report = await resolveTicketStates(items, options({ providers: [provider({ type: 'jira', baseUrl: `http://127.0.0.1:${port}`, keys: ['OPS'] })] }, { env: { GITHUB_API_URL: `http://127.0.0.1:${port}` } }));
    assert.deepEqual(items.map((i) => i.ticketState), ['unknown', 'unknown']);
    assert.equal(report.warnings.length, 2, report.warnings.join('\n'));
    assert.ok(report.warnings.every((w) => /unreachable \(ECONNREFUSED\)/.test(w)), report.warnings.join('\n'));
  });

  it('the cache: a second run inside the TTL sends no request; after it, If-None-Match and a 304', async (t) => {
    const server = await FakeTracker.start(t, (req, n) => (req.headers['if-none-match'] === 'W/"e2"' ? { status: 304, headers: githubRateHeaders() } : github(req, n)));
    const dir = tempDir(t);
    const cacheFile = path.join(dir, 'cache', 'x.tickets.json');
    const env = { GITHUB_API_URL: server.url, GITHUB_TOKEN: 'secret-token-value' };
    const first = [item('#1'), item('#2')];
    await resolveTicketStates(first, options({}, { env, cacheFile }));
    assert.equal(server.requests.length, 2);
    assert.ok(existsSync(cacheFile));
    assert.ok(!readFileSync(cacheFile, 'utf8').includes('secret-token-value'), 'no token on disk');
    const second = [item('#1'), item('#2')];
    const report = await resolveTicketStates(second, options({}, { env, cacheFile }));
    assert.equal(server.requests.length, 2, 'second run inside the TTL: no request');
    assert.equal(report.fromCache, 2);
    assert.deepEqual(second.map((i) => i.ticketState), ['open', 'closed']);
    const later = [item('#2')];
    await resolveTicketStates(later, options({}, { env, cacheFile, now: Date.now() + 2 * 3600_000 }));
    assert.equal(server.requests.length, 3);
    assert.equal(server.requests[2]!.headers['if-none-match'], 'W/"e2"');
    assert.equal(later[0]!.ticketState, 'closed', '304 keeps the cached answer');
  });
});

describe('ticket state from GitLab, Jira and Linear (local servers)', () => {
  it('GitLab: opened, closed, merged MR, 404; project path encoded; PRIVATE-TOKEN or JOB-TOKEN', async (t) => {
    const server = await FakeTracker.start(t, (req) => {
      const m = /^\/api\/v4\/projects\/([^/]+)\/(issues|merge_requests)\/(\d+)$/.exec(req.url);
      if (!m || m[1] !== 'group%2Fsub%2Fproj') return { status: 404, body: { message: '404 Project Not Found' } };
      if (m[2] === 'merge_requests') return { status: 200, headers: { etag: 'W/"mr"', 'ratelimit-remaining': '1999' }, body: { iid: 7, state: 'merged', merged_at: '2024-05-01T10:00:00.000Z', closed_at: null, web_url: 'https://gitlab.example.com/group/sub/proj/-/merge_requests/7' } };
      if (m[3] === '1') return { status: 200, body: { id: 101, iid: 1, project_id: 3, state: 'opened', closed_at: null, title: 'a', web_url: 'https://gitlab.example.com/group/sub/proj/-/issues/1' } };
      if (m[3] === '2') return { status: 200, body: { id: 102, iid: 2, project_id: 3, state: 'closed', closed_at: '2024-04-01T10:00:00.000Z', title: 'b', web_url: 'https://gitlab.example.com/group/sub/proj/-/issues/2' } };
      return { status: 404, body: { message: '404 Not found' } };
    });
    const cfg = { providers: [provider({ type: 'gitlab', host: 'gitlab.example.com' })] };
    const remote = parseRemoteUrl('git@gitlab.example.com:group/sub/proj.git');
    const items = [item('#1'), item('#2'), item('#3'), item('https://gitlab.example.com/group/sub/proj/-/merge_requests/7')];
    await resolveTicketStates(items, options(cfg, { remote, env: { CI_SERVER_HOST: 'gitlab.example.com', CI_API_V4_URL: `${server.url}/api/v4`, CI_JOB_TOKEN: 'job-1' } }));
    assert.deepEqual(items.map((i) => i.ticketState), ['open', 'closed', 'missing', 'closed']);
    assert.equal(items[1]!.ticketClosedAt, '2024-04-01T10:00:00.000Z');
    assert.equal(items[3]!.ticketClosedAt, '2024-05-01T10:00:00.000Z');
    assert.equal(server.requests[0]!.headers['job-token'], 'job-1');
    const again = [item('#1')];
    await resolveTicketStates(again, options(cfg, { remote, env: { CI_SERVER_HOST: 'gitlab.example.com', CI_API_V4_URL: `${server.url}/api/v4`, CI_JOB_TOKEN: 'job-1', GITLAB_TOKEN: 'glpat-1' } }));
    assert.equal(server.requests.at(-1)!.headers['private-token'], 'glpat-1');
    assert.equal(server.requests.at(-1)!.headers['job-token'], undefined);
  });

  it('Jira: statusCategory done = closed, indeterminate = open, 404 = missing; Cloud basic auth, Data Center bearer', async (t) => {
    const server = await FakeTracker.start(t, (req) => {
      const m = /^\/rest\/api\/2\/issue\/([A-Z]+-\d+)\?fields=status,resolutiondate$/.exec(req.url);
      const issue = (key: string, category: string, name: string, resolved: string | null): Reply => ({ status: 200, body: { id: '10001', key, self: `${server.url}/rest/api/2/issue/10001`, fields: { resolutiondate: resolved, status: { name, id: '3', statusCategory: { id: category === 'done' ? 3 : 4, key: category, colorName: 'green', name } } } } });
      if (m?.[1] === 'OPS-1') return issue('OPS-1', 'indeterminate', 'In Progress', null);
      if (m?.[1] === 'OPS-2') return issue('OPS-2', 'done', 'Done', '2024-06-01T12:00:00.000+0200');
      return { status: 404, body: { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} } };
    });
    type Reply = ReturnType<Handler>;
    const cfg = { providers: [provider({ type: 'jira', baseUrl: server.url, host: new URL(server.url).host, keys: ['OPS'] })] };
    const items = [item('OPS-1'), item('OPS-2'), item('OPS-3')];
    await resolveTicketStates(items, options(cfg, { env: { JIRA_EMAIL: 'me@acme.io', JIRA_API_TOKEN: 'atl-1' } }));
    assert.deepEqual(items.map((i) => i.ticketState), ['open', 'closed', 'missing']);
    assert.equal(items[1]!.ticketClosedAt, '2024-06-01T10:00:00.000Z');
    assert.equal(server.requests[0]!.headers.authorization, `Basic ${Buffer.from('me@acme.io:atl-1').toString('base64')}`);
    const dc = [item('OPS-1')];
    await resolveTicketStates(dc, options(cfg, { env: { JIRA_API_TOKEN: 'pat-1' } }));
    assert.equal(server.requests.at(-1)!.headers.authorization, 'Bearer pat-1');
  });

  it('Linear: GraphQL issue query; completed/canceled = closed, started = open, "Entity not found" = missing; no token = unknown', async (t) => {
    const server = await FakeTracker.start(t, (req) => {
      const { query, variables } = JSON.parse(req.body) as { query: string; variables: { id: string } };
      assert.match(query, /issue\(id: \$id\)/);
      const issue = (type: string, completedAt: string | null, canceledAt: string | null = null): ReturnType<Handler> => ({ status: 200, headers: { 'x-ratelimit-requests-remaining': '1499' }, body: { data: { issue: { identifier: variables.id, completedAt, canceledAt, state: { type } } } } });
      if (variables.id === 'ENG-1') return issue('started', null);
      if (variables.id === 'ENG-2') return issue('completed', '2024-07-01T00:00:00.000Z');
      if (variables.id === 'ENG-3') return issue('canceled', null, '2024-07-02T00:00:00.000Z');
      return { status: 200, body: { errors: [{ message: 'Entity not found: Issue', extensions: { type: 'invalid input', code: 'INVALID_INPUT', userPresentableMessage: 'Could not find referenced Issue.' } }], data: null } };
    });
    const cfg = { providers: [provider({ type: 'linear', apiUrl: `${server.url}/graphql`, keys: ['ENG'] })] };
    const items = [item('ENG-1'), item('ENG-2'), item('ENG-3'), item('ENG-4')];
    await resolveTicketStates(items, options(cfg, { env: { LINEAR_API_KEY: 'lin_api_1' } }));
    assert.deepEqual(items.map((i) => i.ticketState), ['open', 'closed', 'closed', 'missing']);
    assert.equal(items[2]!.ticketClosedAt, '2024-07-02T00:00:00.000Z');
    assert.equal(server.requests[0]!.headers.authorization, 'lin_api_1');
    const before = server.requests.length;
    const none = [item('ENG-1')];
    const report = await resolveTicketStates(none, options(cfg, { env: {} }));
    assert.equal(none[0]!.ticketState, 'unknown');
    assert.match(report.warnings[0]!, /needs a token: set LINEAR_API_KEY/);
    assert.equal(server.requests.length, before);
  });

  it('a reference no tracker owns: unknown and one warning', async () => {
    const items = [item('ZZZ-1'), item('ZZZ-2')];
    const report = await resolveTicketStates(items, options({}));
    assert.deepEqual(items.map((i) => i.ticketState), ['unknown', 'unknown']);
    assert.equal(report.warnings.length, 1);
    assert.match(report.warnings[0]!, /2 reference\(s\) no tracker owns \(ZZZ-1, ZZZ-2\)/);
  });
});

describe('grace period', () => {
  const now = Date.parse('2024-03-11T00:00:00Z');
  it('a ticket closed fewer than closedGraceDays ago is not closed-ticket debt; missing always is', () => {
    const closed = item('#2', { ticketState: 'closed', ticketClosedAt: '2024-03-01T00:00:00Z' });
    assert.equal(isClosedTicketDebt(closed, 0, now), true);
    assert.equal(isClosedTicketDebt(closed, 14, now), false);
    assert.equal(isClosedTicketDebt(closed, 7, now), true);
    assert.equal(isClosedTicketDebt(item('#2', { ticketState: 'closed', ticketClosedAt: null }), 14, now), true);
    assert.equal(isClosedTicketDebt(item('#3', { ticketState: 'missing' }), 14, now), true);
    assert.equal(isClosedTicketDebt(item('#1', { ticketState: 'open' }), 0, now), false);
    assert.equal(isClosedTicketDebt(item('#1', { ticketState: 'unknown' }), 0, now), false);
  });
});
