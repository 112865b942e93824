import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../src/core/config/config';
import { branchTrend } from '../../src/core/intel/branchTrend';
import { readStoredTrends } from '../../src/core/intel/dashboardTrend';
import { trend } from '../../src/core/intel/trend';
import type { FolderTrend } from '../../src/webview/protocol';
import { kindChart, niceScale, trendSection } from '../../src/webview/trendCharts';
import { TestRepo } from './helpers/gitRepo';
import { tempDir } from './helpers/tempDir';

const ticksOf = (svg: string): number[] => [...svg.matchAll(/class="axis tick"[^>]*>(\d+(?:\.\d+)?)</g)].map((m) => Number(m[1]));

describe('dashboard trend charts', () => {
  it('y scales: round whole steps from 0, or around the values when 0 would leave most of the chart empty', () => {
    assert.deepEqual(niceScale(0, 0), [0, 1]);
    assert.deepEqual(niceScale(0, 3), [0, 1, 2, 3]);
    assert.deepEqual(niceScale(42, 42), [41, 42, 43]);
    assert.deepEqual(niceScale(2, 14), [0, 5, 10, 15]);
    assert.deepEqual(niceScale(0, 461), [0, 200, 400, 600]);
    assert.deepEqual(niceScale(440, 461), [440, 450, 460, 470]);
    for (const [lo, hi] of [[0, 7], [13, 99], [1000, 1003], [0, 12345]] as const) {
      const t = niceScale(lo, hi);
      assert.ok(t[0]! <= lo && t[t.length - 1]! >= hi && t.length <= 7 && t.every(Number.isInteger), `${lo}..${hi}: ${t.join(',')}`);
    }
  });

  it('one chart per kind, each on its own scale: 3 suppressions are not flattened by 460 markers', () => {
    const rows = [
      { date: '2026-06-01', marker: 440, suppression: 1, resilience: 0 },
      { date: '2026-09-01', marker: 452, suppression: 3, resilience: 0 },
      { date: '2026-11-30', marker: 461, suppression: 2, resilience: 0 },
    ];
    const t: FolderTrend = { folder: 'app', branch: 'feature/x', points: rows, base: 'main', reference: rows.slice(0, 2).map((r) => ({ ...r, marker: r.marker - 5 })), note: null };
    assert.deepEqual(ticksOf(kindChart(t, 'marker')), [430, 440, 450, 460, 470]);
    assert.deepEqual(ticksOf(kindChart(t, 'suppression')), [0, 1, 2, 3]);
    assert.deepEqual(ticksOf(kindChart(t, 'resilience')), [0, 1]);
    const svg = kindChart(t, 'suppression');
    assert.equal((svg.match(/<circle class="series suppression"/g) ?? []).length, 3);
    assert.match(svg, /<polyline class="reference suppression" points="[\d.]+,[\d.]+ [\d.]+,[\d.]+" \/>/);
    assert.match(svg, />2026-06-01<.*>2026-11-30</);
    const html = trendSection([t], null);
    assert.equal((html.match(/<svg /g) ?? []).length, 3);
    assert.match(html, /feature\/x.*main \(reference\)/);
    // On the base branch: no reference line.
    assert.doesNotMatch(kindChart({ ...t, base: null, reference: [] }, 'marker'), /reference/);
    // Every folder of a multi-root workspace gets its own row, named.
    const two = trendSection([t, { ...t, folder: 'lib' }], null);
    assert.equal((two.match(/<svg /g) ?? []).length, 6);
    assert.match(two, /<strong>lib<\/strong>/);
  });

  it('keeps only whole stored trends from the last session', () => {
    const good: FolderTrend = { folder: 'a', branch: 'main', points: [{ date: '2026-01-01', marker: 1, suppression: 0, resilience: 0 }], base: null, reference: [], note: null };
    assert.deepEqual(readStoredTrends([good, { ...good, points: [{ date: 'x', marker: -1 }] }, null, 'junk']), [good]);
    assert.deepEqual(readStoredTrends({ not: 'a list' }), []);
    assert.deepEqual(readStoredTrends(undefined), []);
  });
});

describe('branch trend', () => {
  it('follows the checked-out branch, with the base branch as the reference', async (t) => {
    const repo = await TestRepo.create(t, { 'a.ts': '// TODO: one\n' });
    await repo.commit('two', { 'a.ts': '// TODO: one\n// TODO: two\n' });
    const config = defaultConfig();
    const cacheFile = path.join(tempDir(t), 'trend.json');
    const onMain = await branchTrend(repo.dir, config, { sinceMs: 86_400_000, points: 12, cacheFile });
    assert.deepEqual([onMain.branch, onMain.base, onMain.reference.length, onMain.points.map((p) => p.marker)], ['main', null, 0, [1, 2]]);
    await repo.branch('feature/more');
    await repo.commit('more', { 'a.ts': '// TODO: one\n// TODO: two\n// TODO: three\n// FIXME: four\n' });
    const onFeature = await branchTrend(repo.dir, config, { sinceMs: 86_400_000, points: 12, cacheFile });
    assert.equal(onFeature.branch, 'feature/more');
    assert.equal(onFeature.base, 'main');
    assert.deepEqual(onFeature.points.map((p) => p.marker), [1, 2, 4]);
    assert.deepEqual(onFeature.reference.map((p) => p.marker), [1, 2]);
    // definitionOfDone.base names the reference; one that is not there leaves the line out, with a note.
    const notes: string[] = [];
    const missing = await branchTrend(repo.dir, { ...config, definitionOfDone: { base: 'develop', items: [] } }, { sinceMs: 86_400_000, points: 12, cacheFile, onNote: (n) => notes.push(n) });
    assert.deepEqual([missing.base, missing.reference.length, missing.points.length], [null, 0, 3]);
    assert.match(notes.join(), /develop/);
  });

  it('counts the scopes the totals count: with scopes [source], a test file and a generated one are left out', async (t) => {
    const repo = await TestRepo.create(t, {
      'src/a.ts': '// TODO: source\n// @ts-ignore\nexport const a = 1;\n',
      'src/a.test.ts': '// TODO: a test\n// @ts-ignore\n',
      'src/client.ts': '// Code generated by a tool. DO NOT EDIT.\n// TODO: generated\n',
    });
    const all = await trend(repo.dir, defaultConfig(), { sinceMs: 86_400_000, points: 12, cacheFile: null });
    const source = await trend(repo.dir, defaultConfig(), { sinceMs: 86_400_000, points: 12, cacheFile: null, scopes: ['source'] });
    assert.deepEqual([all[0]!.marker, all[0]!.suppression], [3, 2]);
    assert.deepEqual([source[0]!.marker, source[0]!.suppression], [1, 1]);
  });
});
