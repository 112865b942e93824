import assert from 'node:assert/strict';
import { symlinkSync, writeFileSync, utimesSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../src/core/config/config';
import { scanWorkspace } from '../../src/core/scan/scanner';
import { TestRepo } from './helpers/gitRepo';
import { tempDir, writeFiles } from './helpers/tempDir';

const config = (over: Partial<ReturnType<typeof defaultConfig>> = {}) => ({ ...defaultConfig(), ...over });
const files = (r: Awaited<ReturnType<typeof scanWorkspace>>) => [...new Set(r.items.map((i) => i.file))].sort();

describe('file discovery and skipping', () => {
  it('skips binary and oversized files with a reason, and keeps going', async (t) => {
    const dir = tempDir(t, {
      'ok.ts': '// TODO: fine',
      'bin.js': Buffer.from([0x2f, 0x2f, 0x20, 0x54, 0x4f, 0x44, 0x4f, 0x00, 0x01, 0x02]),
      'huge.ts': `// TODO: too big\n${'x'.repeat(2000)}`,
    });
    const result = await scanWorkspace({ root: dir, config: config({ maxFileSize: 1000 }), useGit: false });
    assert.deepEqual(files(result), ['ok.ts']);
    assert.deepEqual(result.skipped, [
      { file: 'bin.js', reason: 'binary content' },
      { file: 'huge.ts', reason: 'larger than the 1 KiB limit (2 KiB)' },
    ]);
  });

  it('walks a plain folder honouring .gitignore, default and configured excludes, and extensions', async (t) => {
    const dir = tempDir(t, {
      '.gitignore': 'ignored.ts\nlogs/\n',
      'src/a.ts': '// TODO: a',
      'src/.hidden/b.ts': '// TODO: dot folders are scanned',
      'src/gen/c.ts': '// TODO: excluded by glob',
      'src/sub/.gitignore': 'local.ts\n',
      'src/sub/local.ts': '// TODO: ignored by nested .gitignore',
      'src/sub/kept.ts': '// TODO: kept',
      'ignored.ts': '// TODO: ignored',
      'logs/x.ts': '// TODO: ignored folder',
      'node_modules/p/index.js': '// TODO: default exclude',
      'dist/out.js': '// TODO: default exclude',
      'notes.md': 'TODO: not a source file',
    });
    const result = await scanWorkspace({ root: dir, config: config({ exclude: ['src/gen/**'] }), useGit: false });
    assert.deepEqual(files(result), ['src/.hidden/b.ts', 'src/a.ts', 'src/sub/kept.ts']);
  });

  it('never loops on symlinks', async (t) => {
    const dir = tempDir(t, { 'a/x.ts': '// TODO: x' });
    symlinkSync(path.join(dir, 'a'), path.join(dir, 'a/loop'));
    symlinkSync(dir, path.join(dir, 'a/up'));
    const result = await scanWorkspace({ root: dir, config: config(), useGit: false });
    assert.deepEqual(result.items.map((i) => i.text), ['x']);
  });

  it('lists tracked and untracked-not-ignored files from git', async (t) => {
    const { dir } = await TestRepo.create(t, { '.gitignore': 'secret.ts\n', 'tracked.ts': '// TODO: tracked', 'secret.ts': '// TODO: ignored' });
    writeFiles(dir, { 'new.ts': '// TODO: untracked', 'vendor/v.ts': '// TODO: vendored' });
    const result = await scanWorkspace({ root: dir, config: config({ exclude: ['vendor'] }) });
    assert.deepEqual(files(result), ['new.ts', 'tracked.ts']);
    assert.deepEqual(result.skipped, []);
  });

  it('falls back to a walk with a note when the folder is not a git work tree', async (t) => {
    const dir = tempDir(t, { 'a.ts': '// TODO: a' });
    const result = await scanWorkspace({ root: dir, config: config() });
    assert.equal(result.items.length, 1);
    assert.match(result.skipped[0]!.reason, /^listed without git \(not .*\)/);
  });

  it('walks a folder that git ignores instead of listing nothing', async (t) => {
    const { dir } = await TestRepo.create(t, { '.gitignore': 'vendor/\n', 'a.ts': '// TODO: a' });
    writeFiles(dir, { 'vendor/lib/v.ts': '// TODO: vendored' });
    const result = await scanWorkspace({ root: path.join(dir, 'vendor'), config: config() });
    assert.deepEqual(files(result), ['lib/v.ts']);
    assert.deepEqual(result.skipped.map((s) => s.reason), ['listed without git (the folder is ignored by git); .gitignore files were honoured']);
  });

  it('prefilters files that cannot hold a marker', async (t) => {
    const dir = tempDir(t, { 'a.ts': '// TODO: a', 'b.ts': 'export const b = 1;', 'c.ts': 'const debugging = true;' });
    const result = await scanWorkspace({ root: dir, config: config(), useGit: false });
    assert.deepEqual([result.stats.filesParsed, result.stats.filesPrefiltered, result.stats.filesScanned], [1, 2, 3]);
  });
});

describe('content cache', () => {
  it('reuses unchanged files and rescans changed ones', async (t) => {
    const dir = tempDir(t, { 'a.ts': '// TODO: a', 'b.ts': '// FIXME: b' });
    const cacheFile = path.join(tempDir(t), 'cache.json');
    const first = await scanWorkspace({ root: dir, config: config(), useGit: false, cacheFile });
    assert.equal(first.stats.filesFromCache, 0);
    const second = await scanWorkspace({ root: dir, config: config(), useGit: false, cacheFile });
    assert.equal(second.stats.filesFromCache, 2);
    assert.deepEqual(second.items, first.items);
    writeFileSync(path.join(dir, 'b.ts'), '// FIXME: changed');
    const third = await scanWorkspace({ root: dir, config: config(), useGit: false, cacheFile });
    assert.equal(third.stats.filesFromCache, 1);
    assert.deepEqual(third.items.map((i) => i.text), ['a', 'changed']);
  });

  it('reuses by content hash when only the mtime changed, and ignores a damaged cache', async (t) => {
    const dir = tempDir(t, { 'a.ts': '// TODO: a' });
    const cacheFile = path.join(tempDir(t), 'cache.json');
    await scanWorkspace({ root: dir, config: config(), useGit: false, cacheFile });
    utimesSync(path.join(dir, 'a.ts'), new Date(), new Date(Date.now() + 5000));
    const touched = await scanWorkspace({ root: dir, config: config(), useGit: false, cacheFile });
    assert.deepEqual([touched.stats.filesFromCache, touched.stats.filesParsed], [1, 0]);
    writeFileSync(cacheFile, '{ not json');
    const damaged = await scanWorkspace({ root: dir, config: config(), useGit: false, cacheFile });
    assert.deepEqual([damaged.stats.filesFromCache, damaged.items.length], [0, 1]);
  });

  it('starts over when the tags change', async (t) => {
    const dir = tempDir(t, { 'a.ts': '// TODO: a\n// NOTE: b' });
    const cacheFile = path.join(tempDir(t), 'cache.json');
    await scanWorkspace({ root: dir, config: config(), useGit: false, cacheFile });
    const other = await scanWorkspace({ root: dir, config: config({ tags: ['NOTE'] }), useGit: false, cacheFile });
    assert.deepEqual(other.items.map((i) => i.tag), ['NOTE']);
  });

  it('honours cancellation', async (t) => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 50; i++) many[`f${i}.ts`] = '// TODO: x';
    const dir = tempDir(t, many);
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(scanWorkspace({ root: dir, config: config(), useGit: false, signal: controller.signal }), { name: 'AbortError' });
  });
});
