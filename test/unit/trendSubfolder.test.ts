import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../src/core/config/config';
import { enrichLedger } from '../../src/core/intel/enrich';
import { trend } from '../../src/core/intel/trend';
import { scanWorkspace } from '../../src/core/scan/scanner';
import { TestRepo } from './helpers/gitRepo';

const DAY = 86_400_000;

describe('trend of a subfolder', () => {
  it('counts the subfolder (what scan of it finds), not zeros and not the whole repository', async (t) => {
    const repo = await TestRepo.create(t, {
      'packages/server/src/a.ts': '// TODO: one\n// FIXME: two\n// @ts-ignore\nexport {};\n',
      'packages/server/src/b.ts': '// HACK: three\n',
      'packages/client/src/c.ts': '// TODO: elsewhere\n// TODO: elsewhere too\n',
      'src/root.ts': '// TODO: at the top\n',
    });
    await repo.commit('more', { 'packages/server/src/c.ts': '// eslint-disable-next-line no-console\n// TODO: four\n' });
    const sub = path.join(repo.dir, 'packages/server');
    const points = await trend(sub, defaultConfig(), { sinceMs: 30 * DAY, points: 2, cacheFile: null });
    assert.deepEqual(points.map((p) => [p.marker, p.suppression]), [[3, 1], [4, 2]]);
    const scanned = await scanWorkspace({ root: sub, config: defaultConfig() });
    const last = points[points.length - 1]!;
    assert.equal(last.marker + last.suppression, scanned.items.length);
    const top = await trend(repo.dir, defaultConfig(), { sinceMs: 30 * DAY, points: 1, cacheFile: null });
    assert.deepEqual(top.map((p) => [p.marker, p.suppression]), [[7, 2]]);
  });

  it('counts the same when the folder is reached through a symbolic link (git reports the real top)', async (t) => {
    const repo = await TestRepo.create(t, { 'packages/server/a.ts': '// TODO: one\n', 'b.ts': '// TODO: two\n' });
    const links = mkdtempSync(path.join(os.tmpdir(), 'trend-link-'));
    t.after(() => rmSync(links, { recursive: true, force: true }));
    const link = path.join(links, 'repo');
    symlinkSync(repo.dir, link, 'dir');
    const viaLink = await trend(path.join(link, 'packages/server'), defaultConfig(), { sinceMs: 30 * DAY, points: 1, cacheFile: null });
    assert.deepEqual(viaLink.map((p) => p.marker), [1]);
    const whole = await trend(link, defaultConfig(), { sinceMs: 30 * DAY, points: 1, cacheFile: null });
    assert.deepEqual(whole.map((p) => p.marker), [2]);
  });
});

describe('a folder reached through a symbolic link', () => {
  it('is dated by blame like the real path (paths relative to git top start from the real folder)', async (t) => {
    const repo = await TestRepo.create(t, { 'pkg/src/a.ts': '// TODO: dated\nexport {};\n' });
    const links = mkdtempSync(path.join(os.tmpdir(), 'enrich-link-'));
    t.after(() => rmSync(links, { recursive: true, force: true }));
    symlinkSync(repo.dir, path.join(links, 'repo'), 'dir');
    for (const root of [path.join(repo.dir, 'pkg'), path.join(links, 'repo', 'pkg')]) {
      const config = defaultConfig();
      const result = await scanWorkspace({ root, config, useGit: true });
      await enrichLedger(result.items, { root, config, today: new Date().toISOString().slice(0, 10), useGit: true, blameCacheFile: null });
      assert.equal(result.items.length, 1, root);
      assert.ok(result.items[0]!.introduced, `${root}: no blame date`);
    }
  });
});
