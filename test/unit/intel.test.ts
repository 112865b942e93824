import assert from 'node:assert/strict';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../src/core/config/config';
import { Blamer, blobId } from '../../src/core/git/blame';
import { updateBaseline, readBaseline } from '../../src/core/intel/baseline';
import { churnByFile } from '../../src/core/intel/churn';
import { CodeOwners } from '../../src/core/intel/codeowners';
import { enrichLedger } from '../../src/core/intel/enrich';
import { ageBucket, hotspots, interestOf } from '../../src/core/intel/interest';
import { trend } from '../../src/core/intel/trend';
import type { LedgerItem } from '../../src/core/model';
import { scanWorkspace } from '../../src/core/scan/scanner';
import { cli } from './helpers/cli';
import { TestRepo } from './helpers/gitRepo';
import { simpleGit } from 'simple-git';
import { tempDir, writeFiles } from './helpers/tempDir';

const DAY = 86_400_000;
/** Commits with a given author and committer date (a separate client with only the variables git needs). */
async function commitAt(repo: TestRepo, message: string, files: Record<string, string>, date: Date): Promise<string> {
  writeFiles(repo.dir, files);
  const iso = date.toISOString();
  const git = simpleGit({ baseDir: repo.dir }).env({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', GIT_AUTHOR_DATE: iso, GIT_COMMITTER_DATE: iso });
  await git.add(['-A']);
  await git.commit(message, undefined, { '--allow-empty': null });
  return (await git.revparse(['HEAD'])).trim();
}

async function ledger(repo: TestRepo, overrides: Partial<ReturnType<typeof defaultConfig>> = {}) {
  const config = { ...defaultConfig(), ...overrides };
  const result = await scanWorkspace({ root: repo.dir, config, useGit: true });
  await enrichLedger(result.items, { root: repo.dir, config, today: new Date().toISOString().slice(0, 10), useGit: true, blameCacheFile: null });
  return result.items;
}

describe('age: blame attribution', () => {
  it('dates each item by the commit that introduced its line: moved by a later commit, renamed, uncommitted', async (t) => {
    const now = Date.now();
    const repo = await TestRepo.create(t, {}, { commit: false });
    const first = await commitAt(repo, 'old debt', { 'src/a.ts': '// TODO: old one\nexport const a = 1;\n' }, new Date(now - 400 * DAY));
    // Insert lines above: the TODO moves down, but blame still credits the first commit.
    await commitAt(repo, 'move it', { 'src/a.ts': 'import x from "x";\n\n// TODO: old one\nexport const a = 1;\n' }, new Date(now - 10 * DAY));
    renameSync(path.join(repo.dir, 'src/a.ts'), path.join(repo.dir, 'src/renamed.ts'));
    await commitAt(repo, 'rename', {}, new Date(now - 5 * DAY));
    writeFileSync(path.join(repo.dir, 'src/renamed.ts'), `${readFileSync(path.join(repo.dir, 'src/renamed.ts'), 'utf8')}// FIXME: not committed\n`);
    const items = await ledger(repo);
    const old = items.find((i) => i.text === 'old one')!;
    assert.equal(old.file, 'src/renamed.ts');
    assert.equal(old.line, 3);
    assert.equal(old.introduced?.commit, first);
    assert.equal(ageBucket(Math.floor((now - Date.parse(old.introduced!.date)) / DAY)).key, '1-2y');
    assert.equal(items.find((i) => i.text === 'not committed')!.introduced, null);
    assert.equal(old.author, null, 'blameless by default');
    const withAuthor = await ledger(repo, { attribution: 'author' });
    assert.equal(withAuthor.find((i) => i.text === 'old one')!.author, 'Ann Author <ann@example.com>');
  });

  it('blames each file once and never again while its content is unchanged (cache by blob id)', async (t) => {
    const repo = await TestRepo.create(t, { 'a.ts': '// TODO: one\n// TODO: two\n', 'b.ts': '// TODO: three\n' });
    const cacheFile = path.join(tempDir(t), 'blame.json');
    const first = new Blamer(repo.dir, cacheFile);
    await first.load();
    await first.blame(new Map([['a.ts', [1, 2]], ['b.ts', [1]]]));
    await first.save();
    assert.deepEqual([first.blamed, first.fromCache], [2, 0]);
    const second = new Blamer(repo.dir, cacheFile);
    await second.load();
    await second.blame(new Map([['a.ts', [1, 2]], ['b.ts', [1]]]));
    assert.deepEqual([second.blamed, second.fromCache], [0, 2]);
    assert.equal(blobId(Buffer.from('hello\n')), 'ce013625030ba8dba906f756967f9e9ca394464a', 'same id as git hash-object');
  });
});

describe('ownership', () => {
  it('CODEOWNERS: the last matching rule wins; sections and comments are skipped', () => {
    const owners = CodeOwners.parse(['# owners', '* @org/everyone', '/src/ @org/backend', '[Payments]', 'src/payments/** @org/payments @alice', 'src/payments/legacy.ts'].join('\n'));
    assert.deepEqual(owners.ownersOf('README.md'), ['@org/everyone']);
    assert.deepEqual(owners.ownersOf('src/api/x.ts'), ['@org/backend']);
    assert.deepEqual(owners.ownersOf('src/payments/pay.ts'), ['@org/payments', '@alice']);
    assert.deepEqual(owners.ownersOf('src/payments/legacy.ts'), [], 'a rule without owners un-owns');
  });

  it('team: the marker\'s owner first, then CODEOWNERS', async (t) => {
    const repo = await TestRepo.create(t, { '.github/CODEOWNERS': 'src/** @org/backend\n', 'src/a.ts': '// TODO(@zoe): mine\n// TODO: unowned\n' });
    const items = await ledger(repo);
    assert.deepEqual(items.map((i) => [i.text, i.team]), [['mine', '@zoe'], ['unowned', '@org/backend']]);
  });
});

describe('interest', () => {
  it('churn counts commits in the window only', async (t) => {
    const now = Date.now();
    const repo = await TestRepo.create(t, {}, { commit: false });
    await commitAt(repo, 'ancient', { 'hot.ts': '1', 'cold.ts': '1' }, new Date(now - 200 * DAY));
    for (let i = 0; i < 3; i++) await commitAt(repo, `hot ${i}`, { 'hot.ts': String(i + 2) }, new Date(now - (20 - i) * DAY));
    const churn = await churnByFile(repo.dir, 90);
    assert.deepEqual([churn.get('hot.ts'), churn.get('cold.ts')], [3, undefined]);
    assert.equal((await churnByFile(repo.dir, 365)).get('cold.ts'), 1);
  });

  it('ranks by kind, churn and age; hotspots sum per file', () => {
    const base = { id: 'x', kind: 'marker', tag: 'TODO', file: 'a.ts', line: 1, column: 1, endLine: 1, text: '', owner: null, ticket: null, due: null, overdue: false, rule: null, client: null, reason: null, severity: null, endColumn: null, callers: null, introduced: null, team: null, author: null, interest: 0 } as LedgerItem;
    assert.equal(interestOf(base, 0, 0), 1);
    assert.equal(interestOf({ ...base, tag: 'FIXME' }, 3, 365), 16);
    assert.equal(interestOf({ ...base, kind: 'resilience', severity: 'warning' }, 1, 0), 6);
    assert.equal(interestOf({ ...base, overdue: true }, 0, 0), 3);
    const spots = hotspots([{ ...base, interest: 2 }, { ...base, interest: 3 }, { ...base, file: 'b.ts', interest: 4 }]);
    assert.deepEqual(spots, [{ file: 'a.ts', interest: 5, items: 2 }, { file: 'b.ts', interest: 4, items: 1 }]);
  });
});

describe('branch scope and baseline', () => {
  it('--new-since lists only what the branch added', async (t) => {
    const repo = await TestRepo.create(t, { 'src/a.ts': '// TODO: on main\n' });
    await repo.branch('feature');
    await repo.commit('x', { 'src/b.ts': '// FIXME: on the branch\n' });
    const run = await cli(['scan', '--new-since', 'main', '--format', 'json', '--no-blame'], repo.dir);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual((JSON.parse(run.stdout) as { items: LedgerItem[] }).items.map((i) => i.text), ['on the branch']);
  });

  it('baseline: update writes it, scan --baseline fails only on new items, gone items are pruned, growth needs a reason', async (t) => {
    const repo = await TestRepo.create(t, { 'a.ts': '// TODO: accepted\n// FIXME: also accepted\n' });
    assert.equal((await cli(['baseline', 'update', '--no-blame'], repo.dir)).code, 0);
    const file = path.join(repo.dir, '.debtledger-baseline.json');
    assert.deepEqual(Object.values((await readBaseline(file))!.counts), [{ TODO: 1, FIXME: 1 }]);
    assert.equal((await cli(['scan', '--baseline', '--no-blame'], repo.dir)).code, 0);
    writeFileSync(path.join(repo.dir, 'a.ts'), '// TODO: accepted\n// HACK: new\n');
    const scan = await cli(['scan', '--baseline', '--format', 'json', '--no-blame'], repo.dir);
    assert.equal(scan.code, 1);
    assert.deepEqual((JSON.parse(scan.stdout) as { items: LedgerItem[] }).items.map((i) => i.text), ['new']);
    assert.match(scan.stderr, /1 baseline item\(s\) no longer exist; run debt-ledger baseline update to prune them/);
    const refused = await cli(['baseline', 'update'], repo.dir);
    assert.deepEqual([refused.code, refused.stderr], [1, 'debt-ledger: 1 new item(s) would grow the baseline; fix them, or pass --allow-growth --reason "why"\n']);
    const grown = await cli(['baseline', 'update', '--allow-growth', '--reason', 'hotfix for INC-42'], repo.dir);
    assert.equal(grown.code, 0, grown.stderr);
    assert.match(grown.stdout, /^pruned [0-9a-f]{12} \(no longer in the code\)\nbaseline .debtledger-baseline.json: 2 items \(1 added, 1 pruned\)\n$/);
    const saved = (await readBaseline(file))!;
    assert.deepEqual(saved.growth.map((g) => [g.added, g.reason]), [[1, 'hotfix for INC-42']]);
    const items = (await scanWorkspace({ root: repo.dir, config: defaultConfig() })).items;
    await assert.rejects(updateBaseline(file, [...items, { ...items[0]!, id: 'zzz' }], { allowGrowth: true, reason: null }), /--allow-growth --reason/);
  });
});

describe('trend', () => {
  it('counts per kind at evenly spaced commits, from git objects, with a cache', async (t) => {
    const now = Date.now();
    const repo = await TestRepo.create(t, {}, { commit: false });
    const counts = [1, 2, 2, 4, 3];
    for (const [i, n] of counts.entries()) {
      const todos = Array.from({ length: n }, (_, k) => `// TODO: item ${k}`).join('\n');
      await commitAt(repo, `c${i}`, { 'a.ts': `${todos}\n// @ts-ignore\nexport const v = ${i};\n` }, new Date(now - (50 - i * 10) * DAY));
    }
    writeFileSync(path.join(repo.dir, 'a.ts'), '// TODO: work tree only, never in history\n');
    const cacheFile = path.join(tempDir(t), 'trend.json');
    const points = await trend(repo.dir, defaultConfig(), { sinceMs: 90 * DAY, points: 3, cacheFile });
    assert.deepEqual(points.map((p) => [p.marker, p.suppression]), [[1, 1], [2, 1], [3, 1]]);
    const all = await trend(repo.dir, defaultConfig(), { sinceMs: 90 * DAY, points: 12, cacheFile });
    assert.deepEqual(all.map((p) => p.marker), counts);
    const recent = await trend(repo.dir, defaultConfig(), { sinceMs: 25 * DAY, points: 12, cacheFile });
    assert.deepEqual(recent.map((p) => p.marker), [4, 3]);
    // The CLI follows the main branch, not the checked-out feature branch.
    await repo.branch('feature');
    await commitAt(repo, 'feature work', { 'a.ts': '// TODO: x\n// TODO: y\n// TODO: z\n// TODO: w\n// TODO: v\n// TODO: u\n' }, new Date(now - DAY));
    const run = await cli(['trend', '--since', '90.days', '--format', 'json'], repo.dir);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual((JSON.parse(run.stdout) as { points: { marker: number }[] }).points.map((p) => p.marker), counts);
  });
});
