import assert from 'node:assert/strict';
import { rmSync, writeFileSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { simpleGit } from 'simple-git';
import { defaultConfig } from '../../src/core/config/config';
import { trend, type TrendPoint } from '../../src/core/intel/trend';
import { createTextScanner, scanText } from '../../src/core/scan/scanner';
import { TestRepo } from './helpers/gitRepo';
import { tempDir, writeFiles } from './helpers/tempDir';

const DAY = 86_400_000;

async function commitAt(repo: TestRepo, message: string, files: Record<string, string>, date: Date, remove: string[] = []): Promise<void> {
  writeFiles(repo.dir, files);
  for (const f of remove) rmSync(path.join(repo.dir, f));
  const iso = date.toISOString();
  const git = simpleGit({ baseDir: repo.dir }).env({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', GIT_AUTHOR_DATE: iso, GIT_COMMITTER_DATE: iso });
  await git.add(['-A']);
  await git.commit(message, undefined, { '--allow-empty': null });
}

/** The old way, as the oracle: list the whole tree at each point and scan every file. */
async function fullScanAt(repo: TestRepo, commit: string, prefix: string): Promise<[number, number]> {
  const git = simpleGit({ baseDir: repo.dir });
  const files = (await git.raw(['ls-tree', '-r', '-z', '--name-only', '--full-tree', commit])).split('\0').filter((f) => f && f.startsWith(prefix) && /\.(ts|js)$/.test(f));
  const scanner = createTextScanner(defaultConfig());
  let marker = 0;
  let suppression = 0;
  for (const f of files) {
    for (const item of scanText(scanner, f, await git.show([`${commit}:${f}`])).items) {
      if (item.kind === 'suppression') suppression++;
      else marker++;
    }
  }
  return [marker, suppression];
}

describe('trend, incremental', () => {
  it('equals a full scan at every point: edits, deletes, renames, a merged branch, a subfolder', async (t) => {
    const now = Date.now();
    const repo = await TestRepo.create(t, {}, { commit: false });
    let day = 60;
    const at = () => new Date(now - day-- * DAY);
    await commitAt(repo, 'start', { 'a.ts': '// TODO: a\n', 'pkg/b.ts': '// FIXME: b\n// @ts-ignore\n', 'pkg/c.js': 'const c = 1;\n' }, at());
    await commitAt(repo, 'edit', { 'pkg/c.js': '// HACK: c\nconst c = 2;\n' }, at());
    await commitAt(repo, 'delete', {}, at(), ['a.ts']);
    await repo.git.mv('pkg/b.ts', 'pkg/moved.ts');
    await commitAt(repo, 'rename', { 'pkg/moved.ts': '// FIXME: b\n// @ts-ignore\n// TODO: after the move\n' }, at());
    await repo.branch('side');
    await commitAt(repo, 'side', { 'pkg/side.ts': '// TODO: s1\n// TODO: s2\n' }, at());
    await repo.git.checkout(['main']);
    await commitAt(repo, 'main edit', { 'pkg/c.js': 'const c = 3;\n' }, at());
    const iso = at().toISOString();
    await simpleGit({ baseDir: repo.dir }).env({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', GIT_AUTHOR_DATE: iso, GIT_COMMITTER_DATE: iso }).merge(['--no-ff', '-m', 'merge side', 'side']);
    await commitAt(repo, 're-add', { 'a.ts': '// TODO: again\n' }, at());
    for (const [root, prefix] of [[repo.dir, ''], [path.join(repo.dir, 'pkg'), 'pkg/']] as const) {
      const points = await trend(root, defaultConfig(), { sinceMs: 90 * DAY, points: 20, cacheFile: null });
      assert.equal(points.length, 7, 'first-parent commits only');
      for (const p of points) assert.deepEqual([p.marker, p.suppression], await fullScanAt(repo, p.commit, prefix), `${prefix || '.'} at ${p.commit}`);
      if (prefix) assert.ok(points.some((p) => p.marker > 0), 'a subfolder does not count zeros');
    }
  });

  it('refuses a ref that starts with "-" or names nothing, in one line', async (t) => {
    const repo = await TestRepo.create(t, { 'a.ts': '// TODO: a\n' });
    await assert.rejects(trend(repo.dir, defaultConfig(), { sinceMs: DAY, points: 2, ref: '--output=/tmp/x', cacheFile: null }), /is not a branch, tag or commit/);
    await assert.rejects(trend(repo.dir, defaultConfig(), { sinceMs: DAY, points: 2, ref: 'nope', cacheFile: null }), /no commit "nope"/);
  });

  it('discards a damaged or foreign cache and rebuilds it (written whole, by rename)', async (t) => {
    const repo = await TestRepo.create(t, { 'a.ts': '// TODO: a\n' });
    const cacheFile = path.join(tempDir(t), 'trend.json');
    const fresh = await trend(repo.dir, defaultConfig(), { sinceMs: DAY, points: 2, cacheFile });
    const saved = JSON.parse(readFileSync(cacheFile, 'utf8')) as { points: Record<string, TrendPoint> };
    const sha = fresh[0]!.commit;
    for (const bad of ['{"version": 2, "key"', JSON.stringify({ ...saved, points: { [sha]: { ...saved.points[sha], marker: -5 } } }), JSON.stringify({ ...saved, points: { [sha]: { ...saved.points[sha], marker: 99 } }, key: 'other' }), '[]']) {
      writeFileSync(cacheFile, bad);
      assert.deepEqual(await trend(repo.dir, defaultConfig(), { sinceMs: DAY, points: 2, cacheFile }), fresh);
    }
    // A valid cache is used as is (here: a doctored count shows it is read).
    writeFileSync(cacheFile, JSON.stringify({ ...saved, points: { [sha]: { ...saved.points[sha], marker: 42 } } }));
    assert.equal((await trend(repo.dir, defaultConfig(), { sinceMs: DAY, points: 2, cacheFile }))[0]!.marker, 42);
  });
});
