import assert from 'node:assert/strict';
import { cpSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../src/core/config/config';
import { loadConfig } from '../../src/core/config/loadConfig';
import type { ScanResult } from '../../src/core/model';
import { connectedToReported } from '../../src/core/scan/importGraph';
import { scanWorkspace } from '../../src/core/scan/scanner';
import { tempDir } from './helpers/tempDir';

const FIXTURES = path.join(__dirname, '../../../test/fixtures/resilience');

async function scan(root: string, deferResilienceFrom: number, over: Record<string, unknown> = {}, cacheFile: string | null = null): Promise<ScanResult> {
  const { config, errors } = await loadConfig(root);
  assert.deepEqual(errors, []);
  return scanWorkspace({ root, config: { ...config, ...over }, useGit: false, deferResilienceFrom, cacheFile });
}

const summarised = (r: ScanResult): string[] => [...(r.summaries?.keys() ?? [])].sort();

describe('resilience: files outside the reported scopes are analysed only when a reported finding depends on them', () => {
  // Every fixture, deferring every file (threshold 0) and none (Infinity): the same items, in the same order.
  for (const fixture of readdirSync(FIXTURES).sort()) {
    it(`${fixture}: the same items with and without deferral`, async () => {
      const root = path.join(FIXTURES, fixture);
      const every = await scan(root, Infinity);
      const deferring = await scan(root, 0);
      assert.deepEqual(deferring.items, every.items);
      assert.equal(every.stats.filesDeferred ?? 0, 0);
    });
  }

  it('analyses what the source depends on, and only that', async () => {
    const root = path.join(FIXTURES, 'deferred-scopes');
    const r = await scan(root, 0);
    const analysed = summarised(r);
    // Imported by the source (an instance), calling a source wrapper (a caller), setting axios's global defaults:
    for (const f of ['src/__generated__/client.ts', 'test/smoke.ts', 'scripts/http-defaults.ts']) assert.ok(analysed.includes(f), `${f} analysed; got ${analysed.join(', ')}`);
    // Built copies joined to nothing reported: never analysed.
    for (const f of ['dist/bundle.js', 'lib/built.js']) assert.ok(!analysed.includes(f), `${f} not analysed`);
    assert.equal(r.stats.filesDeferred, 2);
    // The wrapper's callers include the deferred test file that was analysed for them.
    assert.deepEqual(r.items.find((i) => i.file === 'src/http.ts')?.callers, ['src/jobs.ts:5 (p-retry)', 'test/smoke.ts:5']);
  });

  it('analyses a deferred file whose scope is reported after all: a cached deferral under another resilience.scopes', async (t) => {
    const root = tempDir(t);
    cpSync(path.join(FIXTURES, 'deferred-scopes'), root, { recursive: true });
    const cacheFile = path.join(tempDir(t), 'cache.json');
    const first = await scan(root, 0, {}, cacheFile);
    assert.equal(first.stats.filesDeferred, 2);
    // The cache key does not hold resilience.scopes: the cached deferral must not hide dist/bundle.js's finding.
    const base = defaultConfig().resilience;
    const all = await scan(root, 0, { resilience: { ...base, scopes: ['source', 'test', 'example', 'generated', 'vendored', 'tooling'] } }, cacheFile);
    const uncached = await scan(root, Infinity, { resilience: { ...base, scopes: ['source', 'test', 'example', 'generated', 'vendored', 'tooling'] } });
    assert.deepEqual(all.items, uncached.items);
    assert.ok(all.items.some((i) => i.file === 'dist/bundle.js' && i.kind === 'resilience'), 'the bundle finding once its scope is reported');
  });

  it('never defers below the size threshold, nor a file that may set global defaults', async () => {
    const root = path.join(FIXTURES, 'deferred-scopes');
    const r = await scan(root, 64 * 1024);
    assert.equal(r.stats.filesDeferred, 0);
    assert.ok(summarised(await scan(root, 0)).includes('scripts/http-defaults.ts'));
  });
});

describe('import graph: connected to a reported file', () => {
  const graph: Record<string, string[]> = {
    'dist/a.js': ['./b'],
    'dist/b.js': [],
    'gen/client.ts': [],
    'src/app.ts': ['../gen/client', './util'],
    'src/util.ts': [],
    'test/t.ts': ['../src/app'],
    'vendor/x/index.js': [],
    'src/uses-vendor.ts': ['../vendor/x'],
    'tools/island.ts': ['./island2'],
    'tools/island2.ts': ['.'],
    'tools/index.ts': [],
  };
  const files = new Set(Object.keys(graph));
  const resolve = (from: string, spec: string): string | null => {
    const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
    return [base, `${base}.ts`, `${base}.js`, `${base}/index.ts`, `${base}/index.js`].find((c) => files.has(c)) ?? null;
  };
  const reported = (f: string): boolean => f.startsWith('src/');
  const connected = (starts: string[]): string[] => [...connectedToReported(starts, files, (f) => graph[f], resolve, reported)].sort();

  it('follows imports both ways, through files of any scope, and reports each start once', () => {
    assert.deepEqual(connected(['gen/client.ts', 'test/t.ts', 'vendor/x/index.js', 'dist/a.js', 'dist/b.js', 'tools/island.ts']), ['gen/client.ts', 'test/t.ts', 'vendor/x/index.js']);
  });

  it('resolves `.` to a folder index without a name to match', () => {
    assert.deepEqual(connected(['tools/index.ts']), []);
    graph['src/app.ts']!.push('../tools');
    try {
      assert.deepEqual(connected(['tools/island.ts', 'tools/index.ts']), ['tools/index.ts', 'tools/island.ts']);
    } finally {
      graph['src/app.ts']!.pop();
    }
  });
});
