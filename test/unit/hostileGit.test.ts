import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { defaultCacheFile } from '../../src/cli/scanCommand';
import { cli } from './helpers/cli';
import { TestRepo } from './helpers/gitRepo';
import { tempDir } from './helpers/tempDir';

// Git faults and git-held data under attack: option injection, odd names, no repository, no git,
// concurrent signers, and files the tool owns that were truncated or tampered with.

const BIN = path.join(__dirname, '../../src/cli/bin.js');
const NO_STACK = /\n\s+at /;
const DOD = JSON.stringify({ definitionOfDone: { items: [{ id: 'review', title: 'Reviewed', manual: true }] } });

function oneLine(stderr: string): void {
  assert.doesNotMatch(stderr, NO_STACK);
  assert.equal(stderr.trimEnd().split('\n').length, 1, stderr);
}

describe('no option injection', () => {
  it('trend --ref=--output=... is refused and writes nothing', async (t) => {
    const repo = await TestRepo.create(t, { 'a.ts': '// TODO: one\n' });
    const run = await cli(['trend', repo.dir, '--ref=--output=pwned.txt'], repo.dir);
    assert.equal(run.code, 2);
    oneLine(run.stderr);
    assert.match(run.stderr, /--ref "--output=pwned.txt" is not a branch, tag or commit/);
    assert.equal(existsSync(path.join(repo.dir, 'pwned.txt')), false);
  });

  it('dod --base and scan --new-since refuse refs that look like options', async (t) => {
    const repo = await TestRepo.create(t, { 'a.ts': '// TODO: one\n', '.debtledger.json': DOD });
    for (const args of [['dod', repo.dir, '--base=--output=pwned.txt'], ['scan', repo.dir, '--no-cache', '--new-since=--output=pwned.txt']]) {
      const run = await cli(args, repo.dir);
      assert.equal(run.code, 2, args.join(' '));
      oneLine(run.stderr);
    }
    assert.deepEqual(readdirSync(repo.dir).filter((f) => f.startsWith('pwned')), []);
    writeFileSync(path.join(repo.dir, '.debtledger.json'), JSON.stringify({ definitionOfDone: { base: '--output=x', items: [] } }));
    const config = await cli(['dod', repo.dir], repo.dir);
    assert.equal(config.code, 2);
    assert.match(config.stderr, /definitionOfDone\.base: expected a branch or ref name \(not starting with "-"\)/);
  });

  it('a file name holding a newline: trend counts what scan finds at the same commit', async (t) => {
    const repo = await TestRepo.create(t, { 'a.ts': '// TODO: one\n// FIXME: two\n', 'we\nird.ts': '// TODO: three\n// HACK: four\n', 'b.ts': '// BUG: five\n// XXX: six\n' });
    const scan = await cli(['scan', repo.dir, '--no-cache', '--no-blame', '-f', 'json'], repo.dir);
    assert.equal((JSON.parse(scan.stdout) as { items: unknown[] }).items.length, 6);
    const trend = await cli(['trend', repo.dir, '--ref=main', '-f', 'json'], repo.dir);
    assert.equal(trend.code, 0, trend.stderr);
    const points = (JSON.parse(trend.stdout) as { points: { marker: number }[] }).points;
    assert.equal(points.at(-1)!.marker, 6);
  });
});

describe('git faults say what is wrong', () => {
  it('signoff outside a repository and in one without commits: one line, exit 2', async (t) => {
    const plain = tempDir(t, { '.debtledger.json': DOD });
    const outside = await cli(['signoff', 'review', plain], plain);
    assert.equal(outside.code, 2);
    oneLine(outside.stderr);
    assert.match(outside.stderr, /is not inside a git repository/);
    const empty = await TestRepo.create(t, {}, { commit: false });
    writeFileSync(path.join(empty.dir, '.debtledger.json'), DOD);
    const none = await cli(['signoff', 'review', empty.dir], empty.dir);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /^debt-ledger: the branch has no commits yet/);
    oneLine(none.stderr);
  });

  it('git missing from PATH: "git was not found" for dod, signoff and trend', async (t) => {
    const repo = await TestRepo.create(t, { '.debtledger.json': DOD });
    const env = { PATH: path.join(repo.dir, 'no-such-bin'), HOME: repo.dir, XDG_CACHE_HOME: path.join(repo.dir, '.c') };
    for (const args of [['dod', repo.dir], ['signoff', 'review', repo.dir], ['trend', repo.dir]]) {
      const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env });
      assert.equal(r.status, 2, `${args[0]}: ${r.stderr}`);
      assert.equal(r.stderr, 'debt-ledger: git was not found (install git, or put it on PATH)\n', args[0]);
    }
  });
});

describe('submodules', () => {
  it('git mode and walk mode list the same files, with and without "submodules": false', async (t) => {
    const sub = await TestRepo.create(t, { 's.ts': '// TODO: in the submodule\n' });
    const top = await TestRepo.create(t, { 't.ts': '// TODO: in the superproject\n' });
    execFileSync('git', ['-c', 'protocol.file.allow=always', 'submodule', 'add', '--quiet', sub.dir, 'sub'], { cwd: top.dir, stdio: 'ignore' });
    await top.commit('add the submodule');
    const files = async (...args: string[]): Promise<string[]> => {
      const run = await cli(['scan', top.dir, '--no-cache', '--no-blame', '-f', 'json', ...args], top.dir);
      assert.equal(run.code, 0, run.stderr);
      return (JSON.parse(run.stdout) as { items: { file: string }[] }).items.map((i) => i.file).sort();
    };
    assert.deepEqual(await files(), ['sub/s.ts', 't.ts']);
    assert.deepEqual(await files('--no-git'), ['sub/s.ts', 't.ts']);
    writeFileSync(path.join(top.dir, '.debtledger.json'), '{ "submodules": false }');
    assert.deepEqual(await files(), ['t.ts']);
    assert.deepEqual(await files('--no-git'), ['t.ts']);
  });
});

describe('no sign-off is ever lost', () => {
  it('20 rounds of 2 concurrent signers keep all 40 lines', { timeout: 240_000 }, async (t) => {
    const repo = await TestRepo.create(t, { '.debtledger.json': DOD });
    const env = { ...process.env, XDG_CACHE_HOME: path.join(repo.dir, '.c') };
    const sign = (comment: string): Promise<{ code: number | null; out: string }> =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [BIN, 'signoff', 'review', repo.dir, '--comment', comment], { env, stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.stderr.on('data', (d: Buffer) => (out += d.toString()));
        child.on('close', (code) => resolve({ code, out }));
      });
    for (let round = 0; round < 20; round++) {
      const results = await Promise.all([sign(`r${round}-a`), sign(`r${round}-b`)]);
      for (const r of results) assert.equal(r.code, 0, r.out);
    }
    const note = (await repo.git.raw(['notes', '--ref=refs/notes/debt-ledger', 'show', 'HEAD'])).split('\n').filter((l) => l.startsWith('{'));
    const comments = note.map((l) => (JSON.parse(l) as { comment: string }).comment).sort();
    const expected = Array.from({ length: 20 }, (_, i) => [`r${i}-a`, `r${i}-b`]).flat().sort();
    assert.deepEqual(comments, expected);
    assert.deepEqual((await repo.git.raw(['for-each-ref', '--format=%(refname)', 'refs/notes/'])).trim().split('\n'), ['refs/notes/debt-ledger']);
  });
});

describe('no baseline or cache is lost or trusted when damaged', () => {
  it('a 0-byte, truncated or null trend cache is rebuilt with a note', async (t) => {
    const repo = await TestRepo.create(t, { 'a.ts': '// TODO: one\n' });
    const cacheHome = path.join(repo.dir, '.cache-home');
    const cacheFile = defaultCacheFile(repo.dir, { XDG_CACHE_HOME: cacheHome }).replace(/\.json$/, '.trend.json');
    for (const damaged of ['', '{"abc', 'null', '{"x": {"commit": 1}}']) {
      mkdirSync(path.dirname(cacheFile), { recursive: true });
      writeFileSync(cacheFile, damaged);
      const run = await cli(['trend', repo.dir, '--ref=main', '-f', 'json'], repo.dir);
      assert.equal(run.code, 0, `${JSON.stringify(damaged)}: ${run.stderr}`);
      assert.match(run.stderr, /^debt-ledger: the trend cache .* rebuilding it\n$/);
      assert.equal((JSON.parse(run.stdout) as { points: { marker: number }[] }).points.at(-1)!.marker, 1);
      assert.doesNotThrow(() => JSON.parse(readFileSync(cacheFile, 'utf8')) as unknown);
    }
  });

  it('a damaged baseline is one line with what to do, and is never overwritten', async (t) => {
    const dir = tempDir(t, { 'a.ts': '// TODO: one\n' });
    const file = path.join(dir, '.debtledger-baseline.json');
    for (const damaged of ['', '{"version": 1, "items": null}', '{"version": 1, "items": {"x": 3}}', '{"version": 1, "items": {}, "growth": 5}']) {
      writeFileSync(file, damaged);
      for (const args of [['baseline', 'update', dir, '--no-git'], ['scan', dir, '--no-git', '--no-cache', '--baseline']]) {
        const run = await cli(args, dir);
        assert.equal(run.code, 2);
        oneLine(run.stderr);
        assert.match(run.stderr, /baseline .* (is not valid JSON|is damaged)/);
        assert.match(run.stderr, /restore it from git/);
        assert.equal(readFileSync(file, 'utf8'), damaged);
      }
    }
  });

  it('a scan cache and a blame cache with the wrong types are discarded and rebuilt', async (t) => {
    const repo = await TestRepo.create(t, { 'a.ts': '// TODO: one\n' });
    const first = await cli(['scan', repo.dir, '-f', 'json'], repo.dir);
    assert.equal(first.code, 0, first.stderr);
    const cacheFile = defaultCacheFile(repo.dir, { XDG_CACHE_HOME: path.join(repo.dir, '.cache-home') });
    const scanCache = JSON.parse(readFileSync(cacheFile, 'utf8')) as { files: Record<string, { items: unknown }> };
    scanCache.files['a.ts']!.items = 'nope';
    writeFileSync(cacheFile, JSON.stringify(scanCache));
    const blameFile = cacheFile.replace(/\.json$/, '.blame.json');
    const blame = JSON.parse(readFileSync(blameFile, 'utf8')) as { blobs: Record<string, Record<string, { date: unknown }>> };
    for (const lines of Object.values(blame.blobs)) for (const o of Object.values(lines)) o.date = 12;
    writeFileSync(blameFile, JSON.stringify(blame));
    const again = await cli(['scan', repo.dir, '-f', 'json'], repo.dir);
    assert.equal(again.code, 0, again.stderr);
    const report = JSON.parse(again.stdout) as { items: { text: string; introduced?: { date: string | null } }[]; skipped: { reason: string }[] };
    assert.deepEqual(report.items.map((i) => i.text), ['one']);
    assert.match(String(report.items[0]!.introduced?.date), /^\d{4}-\d\d-\d\d/);
    assert.ok(report.skipped.some((s) => /the scan cache .* rebuilding it/.test(s.reason)));
  });
});
