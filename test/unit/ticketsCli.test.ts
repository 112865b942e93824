import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveConfig } from '../../src/core/config/resolveConfig';
import { evaluateDod } from '../../src/core/dod/evaluateDod';
import { cli } from './helpers/cli';
import { deadPort, FakeTracker, githubIssue, githubRateHeaders, type Handler } from './helpers/fakeTracker';
import { TestRepo } from './helpers/gitRepo';

const daysAgo = (n: number): string => new Date(Date.now() - n * 86_400_000).toISOString();

/** #1 open, #2 closed 3 days ago, #3 closed 40 days ago, else 404. */
const github: Handler = (req) => {
  const n = Number(/\/repos\/acme\/app\/issues\/(\d+)$/.exec(req.url)?.[1]);
  if (n === 1) return { status: 200, headers: githubRateHeaders(), body: githubIssue(1, 'open') };
  if (n === 2) return { status: 200, headers: githubRateHeaders(), body: githubIssue(2, 'closed', daysAgo(3)) };
  if (n === 3) return { status: 200, headers: githubRateHeaders(), body: githubIssue(3, 'closed', daysAgo(40)) };
  return { status: 404, headers: githubRateHeaders(), body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/issues/issues#get-an-issue' } };
};

const FILES = {
  'src/a.ts': '// TODO(#1): open one\n// FIXME(#2): closed lately\nexport const a = 1;\n',
  'src/b.ts': '// HACK(#3): closed long ago\n// TODO: no ticket\nexport const b = 1;\n',
};

async function repoWithOrigin(t: Parameters<typeof TestRepo.create>[0], files: Record<string, string> = FILES): Promise<TestRepo> {
  const repo = await TestRepo.create(t, files);
  await repo.git.addRemote('origin', 'git@github.com:acme/app.git');
  return repo;
}

interface JsonOut { items: { text: string; ticket: string | null; ticketState: string | null; ticketClosedAt: string | null }[] }

describe('scan --tickets and --fail-on closed-ticket', () => {
  it('adds ticketState to JSON, the table, Markdown and SARIF; a second run sends no request', async (t) => {
    const server = await FakeTracker.start(t, github);
    const repo = await repoWithOrigin(t);
    const env = { GITHUB_API_URL: server.url, GITHUB_TOKEN: 'tok' };
    const json = await cli(['scan', '.', '--tickets', '--no-blame', '-f', 'json'], repo.dir, env);
    assert.equal(json.code, 0, json.stderr);
    assert.equal(json.stderr, '');
    const states = Object.fromEntries((JSON.parse(json.stdout) as JsonOut).items.map((i) => [i.text, i.ticketState]));
    assert.deepEqual(states, { 'open one': 'open', 'closed lately': 'closed', 'closed long ago': 'closed', 'no ticket': null });
    assert.equal(server.requests.length, 3);
    const table = await cli(['scan', '.', '--tickets', '--no-blame'], repo.dir, env);
    assert.match(table.stdout, /closed lately +#2 closed$/m);
    const md = await cli(['scan', '.', '--tickets', '--no-blame', '-f', 'markdown'], repo.dir, env);
    assert.match(md.stdout, /\| #3 \(closed\) \|/);
    const sarif = await cli(['scan', '.', '--tickets', '--no-blame', '-f', 'sarif'], repo.dir, env);
    const props = (JSON.parse(sarif.stdout) as { runs: { results: { properties: { ticketState?: string } }[] }[] }).runs[0]!.results.map((r) => r.properties.ticketState);
    assert.deepEqual(props.sort(), ['closed', 'closed', 'open', undefined]);
    assert.equal(server.requests.length, 3, 'later runs inside the TTL answered from the cache');
    const plain = await cli(['scan', '.', '--no-blame', '-f', 'json'], repo.dir, env);
    assert.ok((JSON.parse(plain.stdout) as JsonOut).items.every((i) => i.ticketState === null), 'without --tickets nothing is asked');
  });

  it('--fail-on closed-ticket: exit 1 for closed and missing tickets, the grace period spares recent closes', async (t) => {
    const server = await FakeTracker.start(t, github);
    const repo = await repoWithOrigin(t, { ...FILES, 'src/c.ts': '// TODO(#4): deleted issue\n' });
    const env = { GITHUB_API_URL: server.url };
    const strict = await cli(['scan', '.', '--no-blame', '--fail-on', 'closed-ticket'], repo.dir, env);
    assert.equal(strict.code, 1);
    assert.match(strict.stderr, /--fail-on closed-ticket tripped \(3 items\)/);
    await repo.commit('grace', { '.debtledger.json': JSON.stringify({ tickets: { closedGraceDays: 7 } }) });
    const graceful = await cli(['scan', '.', '--no-blame', '--fail-on', 'closed-ticket'], repo.dir, env);
    assert.match(graceful.stderr, /--fail-on closed-ticket tripped \(2 items\)/, 'the ticket closed 3 days ago is within 7 days');
    await repo.commit('fixed', { 'src/b.ts': 'export const b = 1;\n', 'src/c.ts': '' });
    const ok = await cli(['scan', '.', '--no-blame', '--fail-on', 'closed-ticket'], repo.dir, env);
    assert.equal(ok.code, 0, ok.stderr);
  });

  it('an unreachable tracker: tickets unknown, one warning line, exit code unchanged', async (t) => {
    const port = await deadPort();
    const repo = await repoWithOrigin(t);
    const run = await cli(['scan', '.', '--tickets', '--no-blame', '-f', 'json', '--fail-on', 'closed-ticket'], repo.dir, { GITHUB_API_URL: `http://127.0.0.1:${port}` });
    assert.equal(run.code, 0);
    assert.deepEqual(run.stderr.trim().split('\n'), [`debt-ledger: warning: ticket state unknown: GitHub (127.0.0.1:${port}) unreachable (ECONNREFUSED)`]);
    assert.ok((JSON.parse(run.stdout) as JsonOut).items.filter((i) => i.ticket).every((i) => i.ticketState === 'unknown'));
  });
});

describe('definition of done: noClosedTicketDebt', () => {
  it('fails on a touched item whose ticket closed before the grace period, passes within it', async (t) => {
    const server = await FakeTracker.start(t, github);
    const repo = await repoWithOrigin(t, { 'src/a.ts': 'export const a = 1;\n', 'src/old.ts': '// TODO(#3): untouched, closed long ago\n' });
    await repo.branch('feature');
    await repo.commit('touch', { 'src/a.ts': '// TODO(#2): closed 3 days ago\nexport const a = 2;\n' });
    const config = (grace?: number) => {
      const r = resolveConfig({ definitionOfDone: { base: 'main', items: [{ id: 'tickets', title: 'No debt on closed tickets', check: { type: 'noClosedTicketDebt', ...(grace !== undefined ? { closedGraceDays: grace } : {}) } }] } });
      assert.deepEqual(r.errors, []);
      return r.config;
    };
    const env = { GITHUB_API_URL: server.url };
    await repo.commit('config', { '.debtledger.json': JSON.stringify({ definitionOfDone: { base: 'main', items: [{ id: 'tickets', title: 'No debt on closed tickets', check: { type: 'noClosedTicketDebt' } }] } }) });
    const strict = await cli(['dod', '.'], repo.dir, env);
    assert.match(strict.stdout, /closed 3 days ago \(#2 closed/);
    assert.equal(strict.code, 1, strict.stdout + strict.stderr);
    await repo.commit('config', { '.debtledger.json': JSON.stringify({ definitionOfDone: { base: 'main', items: [{ id: 'tickets', title: 'No debt on closed tickets', check: { type: 'noClosedTicketDebt', closedGraceDays: 7 } }] } }) });
    const graceful = await cli(['dod', '.'], repo.dir, env);
    assert.equal(graceful.code, 0, graceful.stdout + graceful.stderr);
    const editorOff = await evaluateDod({ root: repo.dir, config: config(0), includeUncommitted: false, allowCommands: false, requireSignoffs: false });
    assert.equal(editorOff.items[0]!.state, 'pending', 'no ticket source (editor setting off, Restricted Mode): pending');
    const failing = await evaluateDod({ root: repo.dir, config: config(0), includeUncommitted: false, allowCommands: false, requireSignoffs: false, tickets: async (items) => {
      for (const i of items) Object.assign(i, { ticketState: 'closed', ticketClosedAt: daysAgo(3) });
      return [];
    } });
    assert.equal(failing.items[0]!.state, 'fail');
    assert.match(failing.items[0]!.evidence[0]!.text, /^TODO: closed 3 days ago \(#2 closed \d{4}-\d{2}-\d{2}\)$/);
    assert.equal(failing.items[0]!.evidence.length, 1, 'the untouched file is not judged');
  });
});
