import assert from 'node:assert/strict';
import { renameSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { defaultConfig, type DebtLedgerConfig } from '../../src/core/config/config';
import { resolveConfig } from '../../src/core/config/resolveConfig';
import { evaluateDod } from '../../src/core/dod/evaluateDod';
import type { DodResult } from '../../src/core/dod/model';
import { mergeRemoteSignoffs, readSignoffs, recordSignoff } from '../../src/core/dod/signoffs';
import { GitFactsError } from '../../src/core/git/branchFacts';
import { cli } from './helpers/cli';
import { TestRepo } from './helpers/gitRepo';

const DOD = {
  base: 'main',
  items: [
    { id: 'tests', title: 'Tests updated with the code', check: { type: 'testsChanged', source: ['src/**'], tests: ['test/**'] } },
    { id: 'changelog', title: 'Changelog updated', check: { type: 'filesChanged', when: ['src/**'], require: ['CHANGELOG.md'] } },
    { id: 'ticketed', title: 'New debt is ticketed', check: { type: 'noNewUnticketedDebt' } },
    { id: 'gaps', title: 'No new resilience gaps', check: { type: 'noNewResilienceGaps' } },
    { id: 'budget', title: 'No net new debt', check: { type: 'debtBudget', max: 0 } },
    { id: 'overdue', title: 'Overdue debt in touched files is resolved', check: { type: 'noOverdueDebtTouched' } },
    { id: 'small', title: 'Small batch', check: { type: 'maxDiffSize', maxLines: 50, maxFiles: 5 } },
    { id: 'commits', title: 'Commits reference a ticket', check: { type: 'commitMessages', pattern: '^[A-Z]+-\\d+ ' } },
    { id: 'runbook', title: 'Runbook reviewed', manual: true, who: ['@ops', 'Rita Reviewer'] },
  ],
};

function config(dod: unknown = DOD): DebtLedgerConfig {
  const { config, errors } = resolveConfig({ definitionOfDone: dod });
  assert.deepEqual(errors, []);
  return config;
}

const states = (r: DodResult): Record<string, string> => Object.fromEntries(r.items.map((i) => [i.id, i.state]));
const run = (repo: TestRepo, extra: Partial<Parameters<typeof evaluateDod>[0]> = {}) =>
  evaluateDod({ root: repo.dir, config: config(), includeUncommitted: false, allowCommands: true, requireSignoffs: false, ...extra });

const BASE_FILES = {
  'src/app.ts': 'export const a = 1;\n// TODO(@ann): old debt #1\n',
  'src/legacy.ts': '// FIXME: overdue [2020-01-01]\nexport const l = 1;\n',
  'test/app.test.ts': 'export {};\n',
  'CHANGELOG.md': '# Changes\n',
};

describe('definition of done: automated checks', () => {
  it('all pass on a well-behaved branch', async (t) => {
    const repo = await TestRepo.create(t, BASE_FILES);
    await repo.branch('feature');
    await repo.commit('ABC-1 add b', { 'src/b.ts': '// TODO(@ann): follow up ABC-2\nexport const b = 2;\n', 'test/b.test.ts': 'export {};\n', 'CHANGELOG.md': '# Changes\n- b\n', 'src/app.ts': 'export const a = 1;\n' });
    const r = await run(repo);
    assert.deepEqual(states(r), { tests: 'pass', changelog: 'pass', ticketed: 'pass', gaps: 'pass', budget: 'pass', overdue: 'pass', small: 'pass', commits: 'pass', runbook: 'pending' });
    assert.equal(r.done, true, 'manual items do not block without --require-signoffs');
    assert.equal(r.branch, 'feature');
    assert.match(r.items.find((i) => i.id === 'budget')!.evidence[0]!.text, /^net \+0 \(added 1, paid down 1\); budget 0$/);
  });

  it('each check fails with evidence on a careless branch', async (t) => {
    const repo = await TestRepo.create(t, BASE_FILES);
    await repo.branch('feature');
    const big = Array.from({ length: 60 }, (_, i) => `export const x${i} = ${i};`).join('\n');
    await repo.commit('wip', {
      'src/legacy.ts': '// FIXME: overdue [2020-01-01]\nexport const l = 2;\n',
      'src/net.ts': 'export const load = () => fetch("https://x");\n// HACK: no ticket\n',
      'src/big.ts': big,
    });
    const r = await run(repo);
    assert.deepEqual(states(r), { tests: 'fail', changelog: 'fail', ticketed: 'fail', gaps: 'fail', budget: 'fail', overdue: 'fail', small: 'fail', commits: 'fail', runbook: 'pending' });
    assert.equal(r.done, false);
    const ev = (id: string) => r.items.find((i) => i.id === id)!.evidence;
    assert.deepEqual(ev('ticketed').map((e) => e.text), ['HACK: no ticket (missing owner and ticket)']);
    assert.deepEqual(ev('gaps').map((e) => `${e.file}:${e.line} ${e.text}`).sort(), ['src/net.ts:1 Idempotent outbound call without a retry (fetch)', 'src/net.ts:1 Outbound call without a timeout (fetch)']);
    assert.deepEqual(ev('overdue').map((e) => `${e.file}:${e.line}`), ['src/legacy.ts:1']);
    assert.deepEqual(ev('commits').map((e) => e.text.slice(8)), ['wip']);
    assert.match(ev('small')[0]!.text, /^6\d lines changed > 50$/);
    assert.deepEqual(ev('tests').slice(1).map((e) => e.file), ['src/big.ts', 'src/legacy.ts', 'src/net.ts']);
  });

  it('compares with the merge base: work on diverged main is not counted', async (t) => {
    const repo = await TestRepo.create(t, BASE_FILES);
    await repo.branch('feature');
    await repo.commit('ABC-1 tests only', { 'test/more.test.ts': 'export {};\n' });
    await repo.git.checkout('main');
    await repo.commit('main moves on', { 'src/main-only.ts': '// TODO: added on main\n' });
    await repo.git.checkout('feature');
    const r = await run(repo);
    assert.equal(states(r).tests, 'n/a', 'no source changed on the branch');
    assert.equal(states(r).budget, 'pass');
    assert.equal(r.mergeBase, (await repo.git.raw(['merge-base', 'main', 'feature'])).trim());
  });

  it('a renamed file keeps its items: moved debt is not new', async (t) => {
    const repo = await TestRepo.create(t, BASE_FILES);
    await repo.branch('feature');
    renameSync(path.join(repo.dir, 'src/app.ts'), path.join(repo.dir, 'src/renamed.ts'));
    await repo.commit('ABC-1 rename');
    const r = await run(repo);
    assert.equal(states(r).budget, 'pass');
    assert.match(r.items.find((i) => i.id === 'budget')!.evidence[0]!.text, /^net \+0 \(added 0, paid down 0\)/);
  });

  it('runs command checks without a shell, and reports their exit', async (t) => {
    const repo = await TestRepo.create(t, BASE_FILES);
    await repo.branch('feature');
    await repo.commit('ABC-1 x', { 'README.md': 'x' });
    const dod = (command: string[]) => config({ items: [{ id: 'cmd', title: 'Command', check: { type: 'command', command } }] });
    const ok = await evaluateDod({ root: repo.dir, config: dod([process.execPath, '-e', 'process.exit(0)']), includeUncommitted: false, allowCommands: true, requireSignoffs: false });
    const bad = await evaluateDod({ root: repo.dir, config: dod([process.execPath, '-e', 'console.log("boom"); process.exit(3)']), includeUncommitted: false, allowCommands: true, requireSignoffs: false });
    const untrusted = await evaluateDod({ root: repo.dir, config: dod(['false']), includeUncommitted: false, allowCommands: false, requireSignoffs: false });
    assert.deepEqual([ok.items[0]!.state, bad.items[0]!.state, untrusted.items[0]!.state], ['pass', 'fail', 'pending']);
    assert.match(bad.items[0]!.evidence[0]!.text, /: exit 3$/);
    assert.equal(bad.items[0]!.evidence[1]!.text, 'boom');
  });
});

describe('definition of done: git situations', () => {
  it('works on a detached HEAD and without a remote (falls back to main)', async (t) => {
    const repo = await TestRepo.create(t, BASE_FILES);
    await repo.branch('feature');
    const sha = await repo.commit('ABC-1 x', { 'test/x.test.ts': 'export {};\n' });
    await repo.git.checkout(sha);
    const r = await evaluateDod({ root: repo.dir, config: config({ ...DOD, base: undefined }), includeUncommitted: false, allowCommands: true, requireSignoffs: false });
    assert.equal(r.branch, `detached at ${sha.slice(0, 7)}`);
    assert.equal(r.base, 'main');
  });

  it('says what to do: unborn branch, unknown base, shallow clone without the merge base', async (t) => {
    const unborn = await TestRepo.create(t, {}, { commit: false });
    await assert.rejects(run(unborn), (e: GitFactsError) => e instanceof GitFactsError && e.message === 'the branch has no commits yet');
    const repo = await TestRepo.create(t, BASE_FILES);
    await repo.branch('feature');
    await repo.commit('ABC-1 x', { 'test/x.test.ts': 'export {};\n' });
    await assert.rejects(evaluateDod({ root: repo.dir, config: config({ ...DOD, base: 'develop' }), includeUncommitted: false, allowCommands: true, requireSignoffs: false }),
      (e: GitFactsError) => e.message === 'unknown base "develop"' && /git fetch origin develop/.test(e.hint));
    const shallow = await TestRepo.clone(t, `file://${repo.dir}`, ['--depth', '1', '--branch', 'feature']);
    await shallow.git.raw(['fetch', '--depth', '1', 'origin', 'main:main']);
    await assert.rejects(run(shallow), (e: GitFactsError) => /this clone is shallow/.test(e.message) && /git fetch --unshallow/.test(e.hint));
  });

  it('counts uncommitted changes only when asked (the editor toggle)', async (t) => {
    const repo = await TestRepo.create(t, BASE_FILES);
    await repo.branch('feature');
    await repo.commit('ABC-1 x', { 'test/x.test.ts': 'export {};\n' });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(repo.dir, 'src/dirty.ts'), '// TODO: uncommitted\n');
    assert.equal(states(await run(repo)).budget, 'pass');
    assert.equal(states(await run(repo, { includeUncommitted: true })).budget, 'fail');
  });
});

describe('definition of done: sign-offs as git notes', () => {
  it('records who and where, enforces who, goes stale after a new commit, and can be revoked', async (t) => {
    const repo = await TestRepo.create(t, BASE_FILES);
    await repo.branch('feature');
    await repo.commit('ABC-1 x', { 'test/x.test.ts': 'export {};\n' });
    const runbook = config().definitionOfDone!.items.find((i) => i.id === 'runbook')!;
    await assert.rejects(recordSignoff(repo.dir, runbook, 'signoff', null), (e: GitFactsError) => e.message === 'Ann Author <ann@example.com> may not sign off "runbook"');
    await repo.as('Rita Reviewer', 'rita@example.com');
    const s = await recordSignoff(repo.dir, runbook, 'signoff', 'read it twice');
    let r = await run(repo, { requireSignoffs: true });
    assert.equal(states(r).runbook, 'pass');
    assert.deepEqual(r.items.find((i) => i.id === 'runbook')!.signoffs.map((x) => [x.name, x.email, x.commit, x.comment, x.stale]), [['Rita Reviewer', 'rita@example.com', s.commit, 'read it twice', false]]);
    assert.equal(r.done, true);
    await repo.as('Ann Author', 'ann@example.com');
    await repo.commit('ABC-1 more', { 'src/later.ts': 'export const later = 1;\n' });
    r = await run(repo, { requireSignoffs: true });
    assert.equal(states(r).runbook, 'stale');
    assert.match(r.items.find((i) => i.id === 'runbook')!.evidence[0]!.text, /^stale: Rita Reviewer signed off on [0-9a-f]{7}; since then 1 commit changed 1 file: src\/later\.ts$/);
    assert.equal(r.done, false);
    await repo.as('Rita Reviewer', 'rita@example.com');
    await recordSignoff(repo.dir, runbook, 'signoff', null);
    await recordSignoff(repo.dir, runbook, 'revoke', 'found a gap');
    assert.equal(states(await run(repo)).runbook, 'pending');
  });

  it('keeps both reviewers when two sign off concurrently and their notes meet', async (t) => {
    const origin = await TestRepo.create(t, BASE_FILES);
    await origin.branch('feature');
    const head = await origin.commit('ABC-1 x', { 'test/x.test.ts': 'export {};\n' });
    await origin.git.checkout('main');
    const item = { ...config().definitionOfDone!.items.find((i) => i.id === 'runbook')!, who: [] };
    const a = await TestRepo.clone(t, origin.dir, ['--branch', 'feature']);
    const b = await TestRepo.clone(t, origin.dir, ['--branch', 'feature']);
    await a.as('Rita Reviewer', 'rita@example.com');
    await b.as('Otto Ops', 'otto@example.com');
    await recordSignoff(a.dir, item, 'signoff', 'from A');
    await recordSignoff(b.dir, item, 'signoff', 'from B');
    await a.git.raw(['push', 'origin', 'refs/notes/debt-ledger']);
    // B's plain push would be rejected (non-fast-forward); merging keeps both lines.
    await mergeRemoteSignoffs(b.dir);
    await b.git.raw(['push', 'origin', 'refs/notes/debt-ledger']);
    const merged = await readSignoffs(origin.dir, [head]);
    assert.deepEqual(merged.map((s) => `${s.name}: ${s.comment}`).sort(), ['Otto Ops: from B', 'Rita Reviewer: from A']);
  });
});

describe('debt-ledger dod and signoff (CLI)', () => {
  it('exits 0 when done, 1 when not, 2 with a one-line message for git problems', async (t) => {
    const repo = await TestRepo.create(t, { ...BASE_FILES, '.debtledger.json': JSON.stringify({ definitionOfDone: { base: 'main', items: DOD.items.slice(0, 1) } }) });
    await repo.branch('feature');
    await repo.commit('ABC-1 x', { 'src/x.ts': 'export const x = 1;\n' });
    const notDone = await cli(['dod', '--format', 'json'], repo.dir);
    assert.equal(notDone.code, 1, notDone.stderr);
    const doc = JSON.parse(notDone.stdout) as DodResult;
    assert.deepEqual([doc.version, doc.branch, doc.base, doc.done, Object.keys(doc.items[0]!)], [1, 'feature', 'main', false, ['id', 'title', 'signoffs', 'state', 'evidence']]);
    await repo.commit('ABC-2 tests', { 'test/x.test.ts': 'export {};\n' });
    const done = await cli(['dod'], repo.dir);
    assert.equal(done.code, 0);
    assert.match(done.stdout, /^Definition of done for feature \(base main, merge base [0-9a-f]{7}\): DONE, 1\/1 item\n/);
    const md = await cli(['dod', '--format', 'markdown'], repo.dir);
    assert.match(md.stdout, /^## Definition of done: ✅ done\n/m);
    assert.match(md.stdout, /- \[x\] \*\*Tests updated with the code\*\*: pass\n {2}- \[test\/x\.test\.ts\]\(test\/x\.test\.ts\) $/m);
    const bad = await cli(['dod', '--base', 'nope'], repo.dir);
    assert.deepEqual([bad.code, bad.stderr], [2, 'debt-ledger: unknown base "nope"; fetch it first (git fetch origin nope) or pass another --base\n']);
    const none = await cli(['dod'], (await TestRepo.create(t, BASE_FILES)).dir);
    assert.deepEqual([none.code, none.stderr], [2, 'debt-ledger: no .debtledger.json in .: create one with a Definition of Done for this layout with: debt-ledger init\n']);
  });

  it('signs off from the command line and the result shows it', async (t) => {
    const repo = await TestRepo.create(t, { ...BASE_FILES, '.debtledger.json': JSON.stringify({ definitionOfDone: { base: 'main', items: [DOD.items[8]] } }) });
    await repo.branch('feature');
    await repo.commit('ABC-1 x', { 'src/x.ts': 'export const x = 1;\n' });
    assert.equal((await cli(['dod', '--require-signoffs'], repo.dir)).code, 1);
    await repo.as('Otto', 'ops@example.com');
    const signed = await cli(['signoff', 'runbook', '--comment', 'ok'], repo.dir);
    assert.equal(signed.code, 0, signed.stderr);
    assert.match(signed.stdout, /^signed off "Runbook reviewed" as Otto <ops@example.com> on [0-9a-f]{7}/);
    assert.equal((await cli(['dod', '--require-signoffs'], repo.dir)).code, 0);
    assert.equal((await cli(['signoff', 'nope'], repo.dir)).code, 2);
  });
});

describe('definition of done: configuration', () => {
  it('reports precise errors', () => {
    const { errors } = resolveConfig({ definitionOfDone: { items: [{ id: 'a', title: 'A' }, { id: 'a', title: 'B', check: { type: 'nope' } }, { id: 'c', title: 'C', check: { type: 'commitMessages', pattern: '(' } }] } });
    assert.deepEqual(errors.map((e) => e.path), ['definitionOfDone.items[0]', 'definitionOfDone.items[1].id', 'definitionOfDone.items[1].check.type', 'definitionOfDone.items[2].check.pattern']);
    assert.equal(defaultConfig().definitionOfDone, null);
  });
});
