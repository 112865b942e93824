import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { defaultConfig, type DebtLedgerConfig } from '../../src/core/config/config';
import { scanWorkspace } from '../../src/core/scan/scanner';
import { decodeSnapshot, encodeSnapshot, snapshotFileFor } from '../../src/core/scan/ledgerSnapshot';
import { TOOL_VERSION } from '../../src/core/version';
import { tempDir, writeFiles } from './helpers/tempDir';

const FILES = {
  'src/a.ts': '// TODO(@ann): first #1\nexport const a = 1;\n',
  'src/b.ts': '// FIXME: second\n// @ts-ignore\nexport const b = 2;\n',
  'src/c.ts': 'export const c = 3; // HACK: third\n',
  'src/api.ts': "export async function get() { return fetch('https://example.test'); }\n",
  'lib/d.ts': '// TODO: in lib\n',
};

/** A folder whose files look old (out of the racy window), so the snapshot may be used; `touch` ages one file anew. */
function setup(t: Parameters<typeof tempDir>[0]) {
  const dir = tempDir(t, FILES);
  const cacheFile = path.join(tempDir(t), 'cache.json');
  let tick = 0;
  const age = (rel: string): void => {
    const when = (Date.now() - 3_600_000) / 1000 + tick++;
    utimesSync(path.join(dir, rel), when, when);
  };
  // Folders too: the snapshot rests on a walk's folders, and one changed moments ago is racy as a file is.
  const ageDirs = (): void => {
    const when = (Date.now() - 3_600_000) / 1000 + tick++;
    const walk = (d: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true })) if (e.isDirectory()) walk(path.join(d, e.name));
      utimesSync(d, when, when);
    };
    walk(dir);
  };
  const write = (files: Record<string, string | Buffer>): void => {
    writeFiles(dir, files);
    for (const f of Object.keys(files)) age(f);
    ageDirs();
  };
  for (const f of Object.keys(FILES)) age(f);
  ageDirs();
  const scan = (config: DebtLedgerConfig = defaultConfig(), cached = true) => scanWorkspace({ root: dir, config, useGit: false, cacheFile: cached ? cacheFile : null, today: '2026-01-01' });
  /** The cached scan must equal a scan without any cache, items, skipped files and summaries alike. */
  const same = async (config: DebtLedgerConfig = defaultConfig(), what = '') => {
    const [warm, cold] = [await scan(config), await scan(config, false)];
    assert.deepEqual(warm.items, cold.items, what);
    assert.deepEqual(warm.skipped, cold.skipped, what);
    assert.deepEqual([...(warm.summaries ?? [])], [...(cold.summaries ?? [])], what);
    return warm;
  };
  /** Doctors the stored snapshot's first item text: seeing it proves the snapshot answered. */
  const doctor = (edit: (snap: { key: string; result: string }) => void = () => undefined): void => {
    const file = snapshotFileFor(cacheFile);
    const snap = decodeSnapshot(readFileSync(file))!;
    const result = JSON.parse(snap.result) as { items: { text: string }[] };
    result.items[0]!.text = 'DOCTORED';
    snap.result = JSON.stringify(result);
    edit(snap);
    writeFileSync(file, encodeSnapshot(snap));
  };
  return { dir, cacheFile, scan, same, write, age, doctor };
}

describe('the warm path stays correct', () => {
  it('answers from the snapshot when nothing changed, without reading a file', async (t) => {
    const s = setup(t);
    await s.same();
    assert.ok(existsSync(snapshotFileFor(s.cacheFile)));
    s.doctor();
    const warm = await s.scan();
    assert.equal(warm.items[0]!.text, 'DOCTORED', 'the snapshot was used');
    assert.deepEqual([warm.stats.filesParsed, warm.stats.bytesRead, warm.stats.filesFromCache], [0, 0, 5]);
  });

  it('rescans on every change that matters: content, tags, excludes, size limit, rename, binary, delete, add', async (t) => {
    const s = setup(t);
    await s.same();
    s.write({ 'src/a.ts': '// TODO(@ann): first, edited #1\nexport const a = 1;\n' });
    assert.match(JSON.stringify((await s.same(defaultConfig(), 'content')).items), /first, edited/);
    assert.ok((await s.same({ ...defaultConfig(), tags: ['TODO'] }, 'tags')).items.every((i) => i.tag !== 'FIXME' && i.tag !== 'HACK'));
    assert.ok((await s.same({ ...defaultConfig(), exclude: ['lib'] }, 'excludes')).items.every((i) => !i.file.startsWith('lib/')));
    assert.ok((await s.same({ ...defaultConfig(), maxFileSize: 40 }, 'size limit')).skipped.length > 0);
    assert.ok((await s.same({ ...defaultConfig(), suppressions: false }, 'suppressions')).items.every((i) => i.kind !== 'suppression'));
    await s.same(defaultConfig(), 'back to defaults');
    renameSync(path.join(s.dir, 'src/b.ts'), path.join(s.dir, 'src/renamed.ts'));
    assert.ok((await s.same(defaultConfig(), 'rename')).items.some((i) => i.file === 'src/renamed.ts'));
    s.write({ 'src/c.ts': Buffer.from([0x2f, 0x2f, 0x20, 0x48, 0x41, 0x43, 0x4b, 0x00, 0x01]) });
    assert.deepEqual((await s.same(defaultConfig(), 'binary')).skipped, [{ file: 'src/c.ts', reason: 'binary content' }]);
    rmSync(path.join(s.dir, 'lib/d.ts'));
    s.write({ 'src/new.ts': '// TODO: new file\n' });
    const last = await s.same(defaultConfig(), 'delete and add');
    assert.ok(last.items.some((i) => i.file === 'src/new.ts') && last.items.every((i) => i.file !== 'lib/d.ts'));
    // After all that, the snapshot was rewritten and answers again.
    s.doctor();
    assert.equal((await s.scan()).items[0]!.text, 'DOCTORED');
  });

  it('never reuses results of another tool version, another day, or a damaged snapshot', async (t) => {
    const s = setup(t);
    await s.same();
    // Another tool version: neither the snapshot nor the per-file entries are reused.
    s.doctor((snap) => (snap.key = 'made-by-0.0.0'));
    const cache = JSON.parse(readFileSync(s.cacheFile, 'utf8')) as { key: string; files: Record<string, { items?: { text: string }[] }> };
    assert.ok(cache.key.includes(TOOL_VERSION));
    cache.key = cache.key.replace(TOOL_VERSION, '0.0.0');
    cache.files['src/a.ts']!.items![0]!.text = 'STALE ENTRY';
    writeFileSync(s.cacheFile, JSON.stringify(cache));
    const fresh = await s.same();
    assert.ok(fresh.items.every((i) => i.text !== 'DOCTORED' && i.text !== 'STALE ENTRY'));
    assert.ok(fresh.stats.filesParsed > 0, 'parsed anew');
    // Another day (overdue is judged against today): not the snapshot.
    s.doctor();
    const tomorrow = await scanWorkspace({ root: s.dir, config: defaultConfig(), useGit: false, cacheFile: s.cacheFile, today: '2026-01-02' });
    assert.ok(tomorrow.items.every((i) => i.text !== 'DOCTORED'));
    // Damaged: ignored, rebuilt.
    writeFileSync(snapshotFileFor(s.cacheFile), '{"v":1,"key":');
    await s.same();
    assert.ok(decodeSnapshot(readFileSync(snapshotFileFor(s.cacheFile))), 'written again, whole');
    // Cut short, or a header that lies about a section: not a snapshot.
    const whole = readFileSync(snapshotFileFor(s.cacheFile));
    assert.equal(decodeSnapshot(whole.subarray(0, whole.length - 1)), null);
    assert.equal(decodeSnapshot(Buffer.concat([whole, Buffer.from('x')])), null);
  });

  it('writes no snapshot while a file was modified moments ago (its mtime could hide a second write)', async (t) => {
    const s = setup(t);
    writeFileSync(path.join(s.dir, 'src/a.ts'), '// TODO: just now\n');
    await s.same();
    assert.equal(existsSync(snapshotFileFor(s.cacheFile)), false);
    s.age('src/a.ts');
    await s.same();
    assert.equal(existsSync(snapshotFileFor(s.cacheFile)), true);
  });
});
