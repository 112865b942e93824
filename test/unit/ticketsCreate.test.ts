import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { addTicketToMarker } from '../../src/core/tickets/markerEdit';
import { issueContent, newIssueUrl } from '../../src/core/tickets/issueContent';
import { parseRemoteUrl } from '../../src/core/git/remote';
import type { LedgerItem } from '../../src/core/model';
import { createIssues } from '../../src/core/tickets/createIssues';
import { DEFAULT_HTTP_POLICY } from '../../src/core/tickets/http';
import { gitlabProvider } from '../../src/core/tickets/providers/gitlabProvider';
import { cli } from './helpers/cli';
import { tempDir } from './helpers/tempDir';
import { FakeTracker, githubIssue, githubRateHeaders, type Handler } from './helpers/fakeTracker';
import { TestRepo } from './helpers/gitRepo';

/** A GitHub that lists labelled issues two per page (Link rel="next") and creates issues on POST. */
function fakeGithub(): { handler: Handler; issues: Record<string, unknown>[] } {
  const issues: Record<string, unknown>[] = [
    githubIssue(7, 'open', null, 'unrelated <!-- debt-ledger-id: 0123456789ab -->'),
    githubIssue(8, 'closed', '2024-01-01T00:00:00Z', 'no id here'),
  ];
  const handler: Handler = (req) => {
    const url = new URL(req.url, 'http://x');
    if (req.method === 'GET' && url.pathname === '/repos/acme/app/issues') {
      assert.equal(url.searchParams.get('labels'), 'debt-ledger');
      assert.equal(url.searchParams.get('state'), 'all');
      const page = Number(url.searchParams.get('page') ?? '1');
      const last = Math.max(1, Math.ceil(issues.length / 2));
      const link: Record<string, string> = page < last ? { link: `<http://${req.headers.host}/repos/acme/app/issues?state=all&labels=debt-ledger&per_page=100&page=${page + 1}>; rel="next", <http://${req.headers.host}/repos/acme/app/issues?state=all&labels=debt-ledger&per_page=100&page=${last}>; rel="last"` } : {};
      return { status: 200, headers: { ...githubRateHeaders(), ...link }, body: issues.slice((page - 1) * 2, page * 2) };
    }
    if (req.method === 'POST' && url.pathname === '/repos/acme/app/issues') {
      const { title, body, labels } = JSON.parse(req.body) as { title: string; body: string; labels: string[] };
      const issue: Record<string, unknown> = { ...githubIssue(100 + issues.length, 'open', null, body), title, labels: labels.map((name) => ({ name })) };
      issues.push(issue);
      return { status: 201, headers: { location: String(issue.url) }, body: issue };
    }
    return { status: 404, body: { message: 'Not Found' } };
  };
  return { handler, issues };
}

const item = (extra: Partial<LedgerItem>): LedgerItem => ({
  id: 'abcdef123456', kind: 'marker', tag: 'TODO', file: 'src/a b.ts', line: 3, column: 4, endLine: 3, text: 'retry <b>later</b> & then', owner: '@ann', ticket: null, due: null, overdue: false,
  rule: null, client: null, reason: null, severity: null, endColumn: null, callers: null, introduced: { commit: 'c'.repeat(40), date: '2024-01-01T00:00:00.000Z' }, team: null, author: null, interest: 0, scope: 'source', package: null, owners: ['@ann'], labels: [], ...extra,
});

describe('debt to issues', () => {
  it('puts the ticket into the marker in place', () => {
    assert.equal(addTicketToMarker('// TODO: later', 4, 'TODO', '#812')?.after, '// TODO(#812): later');
    assert.equal(addTicketToMarker('  /* FIXME(@ann): x */', 6, 'FIXME', '#9')?.after, '  /* FIXME(@ann, #9): x */');
    assert.equal(addTicketToMarker('// todo() x', 4, 'TODO', '#1')?.after, '// todo(#1) x');
    assert.equal(addTicketToMarker('// nothing here', 4, 'TODO', '#1'), null);
  });

  it('builds the GitHub and GitLab new-issue URLs with title, body (permalink, owner, age) and labels', () => {
    const gh = parseRemoteUrl('git@github.com:acme/app.git')!;
    const content = issueContent(item({}), 'https://github.com/acme/app/blob/c0ffee/src/a%20b.ts#L3', Date.parse('2024-01-31T00:00:00Z'));
    assert.equal(content.title, 'TODO: retry <b>later</b> & then');
    assert.match(content.body, /^retry <b>later<\/b> & then\n\n- Where: \[src\/a b.ts:3\]\(https:\/\/github.com\/acme\/app\/blob\/c0ffee\/src\/a%20b.ts#L3\)\n- Owner: @ann\n- Age: 30 days \(since 2024-01-01\)\n/);
    assert.match(content.body, /<!-- debt-ledger-id: abcdef123456 -->$/);
    const url = new URL(newIssueUrl('github', gh, content));
    assert.equal(`${url.origin}${url.pathname}`, 'https://github.com/acme/app/issues/new');
    assert.equal(url.searchParams.get('title'), content.title);
    assert.equal(url.searchParams.get('body'), content.body);
    assert.equal(url.searchParams.get('labels'), 'debt-ledger,todo');
    const gl = new URL(newIssueUrl('gitlab', parseRemoteUrl('https://gitlab.example.com/group/sub/proj.git')!, content));
    assert.equal(`${gl.origin}${gl.pathname}`, 'https://gitlab.example.com/group/sub/proj/-/issues/new');
    assert.equal(gl.searchParams.get('issue[title]'), content.title);
    assert.equal(gl.searchParams.get('issue[description]'), `${content.body}\n\n/label ~"debt-ledger" ~"todo"`);
  });

  it('tickets create: creates issues once (idempotent by stable id across pages), prints edits, applies them with --write', async (t) => {
    const fake = fakeGithub();
    const server = await FakeTracker.start(t, fake.handler);
    const repo = await TestRepo.create(t, {
      'src/a.ts': 'export const a = 1;\n// TODO(@ann): cache the answer\nconst secret = "do not send me";\n',
      'src/b.ts': '// FIXME: handle the timeout\n// TODO(#5): already ticketed\n',
      'lib/c.ts': '// TODO: outside the scope\n',
    });
    await repo.git.addRemote('origin', 'https://github.com/acme/app.git');
    const head = (await repo.git.revparse(['HEAD'])).trim();
    const env = { GITHUB_API_URL: server.url, GITHUB_TOKEN: 'tok' };
    const noToken = await cli(['tickets', 'create', '.'], repo.dir, { GITHUB_API_URL: server.url });
    assert.equal(noToken.code, 2);
    assert.match(noToken.stderr, /needs a token: set GITHUB_TOKEN or GH_TOKEN/);
    const dry = await cli(['tickets', 'create', '.', '--scope', 'src/**', '--dry-run'], repo.dir, env);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stderr, /0 created, 0 found, 2 would create/);
    assert.equal(fake.issues.length, 2, 'a dry run creates nothing');

    const first = await cli(['tickets', 'create', '.', '--scope', 'src/**'], repo.dir, env);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /2 created, 0 found, 0 would create on github acme\/app/);
    assert.equal(fake.issues.length, 4);
    const posted = server.requests.filter((r) => r.method === 'POST').map((r) => JSON.parse(r.body) as { title: string; body: string; labels: string[] });
    assert.deepEqual(posted.map((p) => p.title).sort(), ['FIXME: handle the timeout', 'TODO: cache the answer']);
    const todo = posted.find((p) => p.title.startsWith('TODO'))!;
    assert.ok(todo.body.includes(`https://github.com/acme/app/blob/${head}/src/a.ts#L2`), todo.body);
    assert.match(todo.body, /- Owner: @ann/);
    assert.ok(posted.every((p) => !p.body.includes('do not send me')), 'only the comment text is sent, never code');
    assert.deepEqual(todo.labels, ['debt-ledger', 'todo']);
    assert.match(first.stdout, /^ {2}- \/\/ TODO\(@ann\): cache the answer\n {2}\+ \/\/ TODO\(@ann, #10\d\): cache the answer$/m);
    assert.match(first.stdout, /2 marker edit\(s\) not applied: run again with --write/);
    assert.equal(readFileSync(path.join(repo.dir, 'src/a.ts'), 'utf8').includes('#10'), false, 'nothing written without --write');

    const again = await cli(['tickets', 'create', '.', '--scope', 'src/**', '--write'], repo.dir, env);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /0 created, 2 found, 0 would create/);
    assert.equal(fake.issues.length, 4, 'no duplicates on a re-run');
    assert.ok(server.requests.some((r) => r.url.includes('page=2')), 'followed the Link header to the second page');
    assert.match(again.stdout, /2 marker\(s\) updated\./);
    const a = readFileSync(path.join(repo.dir, 'src/a.ts'), 'utf8');
    const b = readFileSync(path.join(repo.dir, 'src/b.ts'), 'utf8');
    const numberOf = (title: string): number => Number(fake.issues.find((i) => String(i.title).startsWith(title))!.number);
    assert.equal(a, `export const a = 1;\n// TODO(@ann, #${numberOf('TODO')}): cache the answer\nconst secret = "do not send me";\n`);
    assert.equal(b, `// FIXME(#${numberOf('FIXME')}): handle the timeout\n// TODO(#5): already ticketed\n`);

    const third = await cli(['tickets', 'create', '.', '--scope', 'src/**'], repo.dir, env);
    assert.equal(third.stdout, 'No unticketed markers match.\n');
    await repo.commit('markers updated');
    await repo.branch('feature');
    await repo.commit('new debt', { 'lib/d.ts': '// FIXME: new on the branch\n' });
    const fresh = await cli(['tickets', 'create', '.', '--new-since', 'main', '--dry-run'], repo.dir, env);
    assert.match(fresh.stdout, /^would create {2}lib\/d.ts:1 {2}FIXME: new on the branch$/m);
    assert.match(fresh.stderr, /0 created, 0 found, 1 would create/, '--new-since leaves lib/c.ts (on main) out');
    const tagged = await cli(['tickets', 'create', '.', '--tag', 'HACK', '--dry-run'], repo.dir, env);
    assert.equal(tagged.stdout, 'No unticketed markers match.\n', '--tag filters (no HACK anywhere)');
  });

  it('GitLab: lists labelled issues page by page (x-next-page), creates with description and labels, never twice', async (t) => {
    const issues: Record<string, unknown>[] = [{ iid: 1, description: 'old', web_url: 'u1' }, { iid: 2, description: null, web_url: 'u2' }];
    const server = await FakeTracker.start(t, (req) => {
      const url = new URL(req.url, 'http://x');
      assert.equal(url.pathname.startsWith('/api/v4/projects/group%2Fproj/issues'), true, url.pathname);
      assert.equal(req.headers['private-token'], 'glpat');
      if (req.method === 'GET') {
        assert.equal(url.searchParams.get('labels'), 'debt-ledger');
        const page = Number(url.searchParams.get('page'));
        const total = Math.ceil(issues.length / 2);
        return { status: 200, headers: { 'x-page': String(page), 'x-per-page': '2', 'x-total-pages': String(total), 'x-next-page': page < total ? String(page + 1) : '' }, body: issues.slice((page - 1) * 2, page * 2) };
      }
      const { title, description, labels } = JSON.parse(req.body) as { title: string; description: string; labels: string };
      assert.equal(labels, 'debt-ledger,fixme');
      const issue = { id: 900 + issues.length, iid: issues.length + 1, title, description, web_url: `https://gitlab.example.com/group/proj/-/issues/${issues.length + 1}` };
      issues.push(issue);
      return { status: 201, body: issue };
    });
    const root = tempDir(t, { 'src/x.ts': '// FIXME: flaky\n' });
    const provider = gitlabProvider({ type: 'gitlab', host: 'gitlab.example.com', apiUrl: `${server.url}/api/v4`, baseUrl: null, repo: null, keys: [], tokenEnv: null, emailEnv: null }, { GITLAB_TOKEN: 'glpat' });
    const remote = parseRemoteUrl('git@gitlab.example.com:group/proj.git')!;
    const fixme = item({ id: 'fedcba654321', tag: 'FIXME', file: 'src/x.ts', line: 1, text: 'flaky', owner: null, introduced: null });
    const opts = { root, provider, forge: 'gitlab' as const, remote, repo: 'group/proj', commit: 'a'.repeat(40), dryRun: false, policy: { ...DEFAULT_HTTP_POLICY, baseDelayMs: 10 } };
    const first = await createIssues([fixme], opts);
    assert.equal(first[0]!.action, 'created');
    assert.equal(first[0]!.issue!.number, 3);
    assert.match(String(issues[2]!.description), /\(https:\/\/gitlab.example.com\/group\/proj\/-\/blob\/a{40}\/src\/x.ts#L1\)/);
    assert.equal(first[0]!.edit!.after, '// FIXME(#3): flaky');
    for (let i = 0; i < 3; i++) issues.splice(issues.length - 1, 0, { iid: 50 + i, description: 'filler', web_url: 'f' });
    const again = await createIssues([fixme], opts);
    assert.equal(again[0]!.action, 'found', 'the id on page 3 is found');
    assert.equal(again[0]!.issue!.number, 3);
    assert.equal(issues.length, 6, 'no duplicate');
  });
});
