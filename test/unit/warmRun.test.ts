import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { defaultConfig } from '../../src/core/config/config';
import { scanWorkspace } from '../../src/core/scan/scanner';
import { codeCacheFile, type codeCacheStats } from '../../src/core/fs/codeCache';
import { ageAll, nextAge } from './helpers/aging';
import { warmHarness } from './helpers/warmHarness';
import { tempDir, writeFiles } from './helpers/tempDir';

const FILES = {
  'src/a.ts': '// TODO(@ann): first #1\nexport const a = 1;\n',
  'src/b.ts': '// FIXME: second\n// @ts-ignore\nexport const b = 2;\n',
  'src/api.ts': "export async function get() { return fetch('https://example.test'); }\n",
  'lib/d.ts': '// TODO: in lib\n',
};

async function setup(t: TestContext) {
  const { repo, env, bundle, run, fresh } = await warmHarness(t, FILES);
  /** After a change: not replayed, equal to a run without cache; then replayed, still equal. */
  const changed = async (what: string, ...args: string[]) => {
    ageAll(repo.dir);
    const first = await run(...args);
    assert.notEqual(first.outcome, 'replayed', `${what}: the change is seen`);
    assert.equal(first.outcome, 'recorded', `${what}: recorded`);
    const expected = await fresh(...args);
    assert.equal(first.text, expected.text, `${what}: equal to a run without cache`);
    assert.equal(first.code, expected.code);
    const again = await run(...args);
    assert.equal(again.outcome, 'replayed', `${what}: unchanged since, replayed`);
    assert.equal(again.text, expected.text, `${what}: the replay is the same output`);
    return first.text;
  };
  return { repo, env, bundle, run, fresh, changed, write: (files: Record<string, string | Buffer>) => writeFiles(repo.dir, files) };
}

describe('the CLI warm path (stored output of an unchanged scan)', () => {
  it('replays an unchanged run and notices every change that matters', async (t) => {
    const s = await setup(t);
    await s.changed('first run');
    s.write({ 'src/a.ts': '// TODO(@ann): first, edited #1\nexport const a = 1;\n' });
    assert.match(await s.changed('content'), /first, edited/);
    s.write({ '.debtledger.json': '{ "tags": ["TODO"] }' });
    assert.doesNotMatch(await s.changed('config: tags'), /FIXME/);
    s.write({ '.debtledger.json': '{ "exclude": ["lib"] }' });
    assert.doesNotMatch(await s.changed('config: excludes'), /in lib/);
    rmSync(path.join(s.repo.dir, '.debtledger.json'));
    await s.changed('config removed');
    renameSync(path.join(s.repo.dir, 'src/b.ts'), path.join(s.repo.dir, 'src/renamed.ts'));
    assert.match(await s.changed('renamed file (untracked)'), /src\/renamed\.ts/);
    s.write({ 'src/a.ts': Buffer.from([0x2f, 0x2f, 0x20, 0x54, 0x4f, 0x44, 0x4f, 0x00, 0x01]) });
    assert.match(await s.changed('file became binary'), /binary content/);
    s.write({ 'src/new.ts': '// HACK: added\n' });
    assert.match(await s.changed('new untracked file'), /added/);
    s.write({ '.gitattributes': 'src/new.ts linguist-generated\n' });
    assert.match(await s.changed('.gitattributes'), /"scope": "generated"/);
    s.write({ 'package.json': '{ "workspaces": ["lib"] }', 'lib/package.json': '{ "name": "the-lib" }' });
    assert.match(await s.changed('workspace manifests'), /the-lib/);
    s.write({ 'CODEOWNERS': 'lib/ @org/lib-team\n' });
    assert.match(await s.changed('CODEOWNERS'), /org\/lib-team/);
    s.write({ '.gitignore': 'src/new.ts\n' });
    assert.doesNotMatch(await s.changed('.gitignore'), /added/);
    await s.repo.commit('second');
    await s.changed('a new commit (HEAD)');
    writeFileSync(s.bundle, '// build 2, another size\n');
    await s.changed('another build of the tool');
    await s.changed('other arguments', '--no-blame');
    await s.changed('--fail-on', '--fail-on', 'FIXME');
  });

  it('a walk (--no-git): a content change reuses the stored walk, a new file is listed', async (t) => {
    const s = await setup(t);
    await s.changed('walk', '--no-git');
    s.write({ 'src/a.ts': '// TODO(@ann): walked, edited #1\n' });
    const when = nextAge();
    utimesSync(path.join(s.repo.dir, 'src/a.ts'), when, when);
    const edited = await s.run('--no-git');
    assert.equal(edited.outcome, 'recorded');
    assert.equal(edited.text, (await s.fresh('--no-git')).text);
    assert.match(edited.text, /walked, edited/);
    assert.equal((await s.run('--no-git')).outcome, 'replayed', 'the stored walk kept its folders');
    s.write({ 'lib/deeper/e.ts': '// HACK: new in a new folder\n' });
    assert.match(await s.changed('walk: new file in a new folder', '--no-git'), /new in a new folder/);
  });

  it('git: a content change takes the stored listing only while git says what it said (a new, deleted or added file is listed)', async (t) => {
    const s = await setup(t);
    await s.changed('first run');
    /** Ages only the named files (the repository's own files keep their times, so its side files hold). */
    const touch = (...files: string[]) => {
      const when = nextAge();
      for (const f of files) utimesSync(path.join(s.repo.dir, f), when, when);
    };
    /** A run after a change of listed files only: recorded, equal to a run without cache; then replayed. */
    const seen = async (what: string) => {
      const first = await s.run();
      assert.equal(first.outcome, 'recorded', `${what}: seen and recorded`);
      assert.equal(first.text, (await s.fresh()).text, `${what}: equal to a run without cache`);
      assert.equal((await s.run()).outcome, 'replayed', `${what}: replayed next`);
      return first.text;
    };
    s.write({ 'src/a.ts': '// TODO(@ann): edited once #1\n' });
    touch('src/a.ts');
    assert.match(await seen('content only (the stored listing)'), /edited once/);
    s.write({ 'src/a.ts': '// TODO(@ann): edited twice #1\n', 'src/untracked.ts': '// HACK: untracked, new\n' });
    touch('src/a.ts', 'src/untracked.ts', 'src');
    const both = await seen('content and a new untracked file');
    assert.match(both, /edited twice/);
    assert.match(both, /untracked, new/);
    s.write({ 'src/a.ts': '// TODO(@ann): edited thrice #1\n' });
    rmSync(path.join(s.repo.dir, 'src/untracked.ts'));
    rmSync(path.join(s.repo.dir, 'lib/d.ts'));
    touch('src/a.ts', 'src', 'lib');
    assert.doesNotMatch(await seen('content, an untracked file gone, a tracked file deleted'), /untracked, new|in lib/);
  });

  it('the enrichment snapshot: an edit that moves no item leaves it as it is, and every state still equals a run without cache', async (t) => {
    const s = await setup(t);
    await s.changed('first run');
    const dir = path.join(s.env.XDG_CACHE_HOME, 'debt-ledger');
    const enriched = () => readFileSync(path.join(dir, readdirSync(dir).find((f) => f.endsWith('.enriched.json'))!), 'utf8');
    const before = enriched();
    const edit = async (what: string, text: string) => {
      s.write({ 'src/b.ts': text });
      const when = nextAge();
      utimesSync(path.join(s.repo.dir, 'src/b.ts'), when, when);
      const run = await s.run();
      assert.equal(run.outcome, 'recorded', what);
      assert.equal(run.text, (await s.fresh()).text, `${what}: equal to a run without cache`);
      return run.text;
    };
    await edit('a line appended below the items', `${FILES['src/b.ts']}export const c = 3;\n`);
    assert.equal(enriched(), before, 'no item moved: the snapshot is left as it is');
    await edit('back to the committed text', FILES['src/b.ts']);
    assert.equal(enriched(), before);
    assert.match(await edit('an item moved down', `\n${FILES['src/b.ts']}`), /"line": 2/);
    assert.notEqual(enriched(), before, 'an item moved: written again');
    await edit('back again', FILES['src/b.ts']);
  });

  it('a folder the repository ignores (a walk): a content change takes the recorded listing only while git still ignores it', async (t) => {
    const s = await setup(t);
    s.write({ '.gitignore': 'vendor/\n', 'vendor/x.ts': '// TODO: vendored\n', 'vendor/y.ts': '// FIXME: also vendored\n' });
    await s.changed('first run of the ignored folder', 'vendor');
    const touch = (...files: string[]) => {
      const when = nextAge();
      for (const f of files) utimesSync(path.join(s.repo.dir, f), when, when);
    };
    const seen = async (what: string) => {
      const first = await s.run('vendor');
      assert.equal(first.outcome, 'recorded', `${what}: seen and recorded`);
      assert.equal(first.text, (await s.fresh('vendor')).text, `${what}: equal to a run without cache`);
      return first.text;
    };
    s.write({ 'vendor/x.ts': '// TODO: vendored, edited\n' });
    touch('vendor/x.ts');
    assert.match(await seen('content, still ignored'), /vendored, edited/);
    s.write({ 'vendor/x.ts': '// TODO: vendored, edited again\n', '.gitignore': '# nothing ignored now\n' });
    touch('vendor/x.ts', '.gitignore');
    assert.match(await seen('content, and the folder no longer ignored'), /edited again/);
  });

  it('never replays runs that depend on more than files (tickets, new-since, baseline, markdown, no-cache)', async (t) => {
    const s = await setup(t);
    ageAll(s.repo.dir);
    for (const args of [['--no-cache'], ['--tickets'], ['--new-since', 'HEAD'], ['--baseline'], ['--format', 'markdown'], ['--fail-on', 'closed-ticket']]) {
      await s.run(...args);
      assert.equal((await s.run(...args)).outcome, 'ran', args.join(' '));
    }
  });

  it('ignores a damaged stored output and writes a racy run not at all', async (t) => {
    const s = await setup(t);
    ageAll(s.repo.dir);
    await s.run();
    const dir = path.join(s.env.XDG_CACHE_HOME, 'debt-ledger');
    const stored = readdirSync(dir).filter((f) => f.startsWith('run-'));
    assert.equal(stored.length, 1);
    writeFileSync(path.join(dir, stored[0]!), '{"v":1,"key":');
    const after = await s.run();
    assert.equal(after.outcome, 'recorded');
    assert.equal(after.text, (await s.fresh()).text);
    s.write({ 'src/a.ts': '// TODO: just now\n' }); // modified within the racy window
    assert.equal((await s.run()).outcome, 'ran', 'a file modified just now: no stored output');
    assert.equal((await s.run()).outcome, 'ran');
  });

  it('keeps at most 8 stored outputs per folder', async (t) => {
    const s = await setup(t);
    ageAll(s.repo.dir);
    for (let n = 1; n <= 10; n++) assert.equal((await s.run('--max-items', String(n))).outcome, 'recorded');
    const dir = path.join(s.env.XDG_CACHE_HOME, 'debt-ledger');
    assert.equal(readdirSync(dir).filter((f) => f.startsWith('run-')).length, 8);
    // A stored run of the earlier JSON form, for the same folder: removed by the next recording.
    const old = readdirSync(dir).find((f) => f.startsWith('run-'))!.replace(/-[0-9a-f]{8}\.run$/, '-00000000.json');
    writeFileSync(path.join(dir, old), '{"v":1}');
    await s.run('--max-items', '11');
    assert.equal(readdirSync(dir).filter((f) => f.endsWith('.json') && f.startsWith('run-')).length, 0);
  });

  it('writes the -o file again on a replay', async (t) => {
    const s = await setup(t);
    const out = path.join(tempDir(t), 'ledger.json');
    ageAll(s.repo.dir);
    await s.run('-o', out);
    rmSync(out);
    assert.equal((await s.run('-o', out)).outcome, 'replayed');
    assert.match(readFileSync(out, 'utf8'), /first #1/);
  });
});

/** FILES in an aged folder, scanned once with a cache file; `scan(false)` is the same scan without cache. */
async function snapshotFolder(t: TestContext): Promise<{ dir: string; scan: (cached?: boolean) => ReturnType<typeof scanWorkspace> }> {
  const dir = tempDir(t, FILES);
  ageAll(dir);
  const cacheFile = path.join(tempDir(t), 'cache.json');
  const scan = (cached = true): ReturnType<typeof scanWorkspace> => scanWorkspace({ root: dir, config: defaultConfig(), useGit: false, cacheFile: cached ? cacheFile : null, today: '2026-01-01' });
  await scan();
  return { dir, scan };
}

describe('the ledger snapshot patch (one file changed)', () => {
  it('scans only the changed file when it takes no part in resilience, and equals a scan without cache', async (t) => {
    const { dir, scan } = await snapshotFolder(t);
    const ageOne = (rel: string): void => {
      const when = nextAge();
      utimesSync(path.join(dir, rel), when, when);
    };
    writeFiles(dir, { 'src/a.ts': '// TODO(@ann): first, edited #1\n// FIXME: more\nexport const a = 1;\n' });
    ageOne('src/a.ts');
    const patched = await scan();
    assert.deepEqual(patched.changedFiles, ['src/a.ts'], 'patched');
    const cold = await scan(false);
    assert.deepEqual(patched.items, cold.items);
    assert.deepEqual(patched.skipped, cold.skipped);
    writeFiles(dir, { 'src/b.ts': "import { a } from './a';\n// FIXME: second, importing\n" });
    ageOne('src/b.ts');
    const importing = await scan();
    // The snapshot is rewritten only once several files differ: a.ts still differs from it.
    assert.deepEqual(importing.changedFiles, ['src/a.ts', 'src/b.ts'], 'an import that cannot name a summarised file: patched');
    assert.deepEqual(importing.items, (await scan(false)).items);
    writeFiles(dir, { 'src/b.ts': "import { get } from './api';\n// FIXME: second, importing the client\nexport const b = () => get();\n" });
    ageOne('src/b.ts');
    const caller = await scan();
    assert.equal(caller.changedFiles, undefined, 'imports a summarised file: the second pass decides, the normal way');
    assert.deepEqual(caller.items, (await scan(false)).items);
    writeFiles(dir, { 'src/api.ts': "import { x } from './a';\nexport async function get() { return fetch('https://example.test', { signal: AbortSignal.timeout(1) }); }\n" });
    ageOne('src/api.ts');
    const relinked = await scan();
    assert.equal(relinked.changedFiles, undefined, 'a resilience file: scanned the normal way');
    assert.deepEqual(relinked.items, (await scan(false)).items);
  });
});

describe('the ledger snapshot rests on the side files too', () => {
  it('a changed .gitattributes or workspace manifest alone is seen (scope, package)', async (t) => {
    const { dir, scan } = await snapshotFolder(t);
    const when = nextAge();
    const put = (files: Record<string, string>): void => {
      writeFiles(dir, files);
      for (const f of Object.keys(files)) utimesSync(path.join(dir, f), when, when);
      utimesSync(dir, when, when);
    };
    put({ '.gitattributes': 'lib/** linguist-vendored\n' });
    const vendored = await scan();
    assert.equal(vendored.items.find((i) => i.file === 'lib/d.ts')?.scope, 'vendored');
    assert.deepEqual(vendored.items, (await scan(false)).items);
    put({ 'package.json': '{ "workspaces": ["lib"] }', 'lib/package.json': '{ "name": "the-lib" }' });
    utimesSync(path.join(dir, 'lib'), when, when);
    const pkg = await scan();
    assert.equal(pkg.items.find((i) => i.file === 'lib/d.ts')?.package, 'the-lib');
    assert.deepEqual(pkg.items, (await scan(false)).items);
  });
});

describe('the V8 code cache', () => {
  it('loads a bundle with it, and survives a damaged or foreign cache file', (t) => {
    const dir = tempDir(t, { 'bundle.js': 'exports.answer = function () { return 6 * 7; };\n' });
    const bundle = path.join(dir, 'bundle.js');
    const cache = tempDir(t);
    // Each load in its own process, as the CLI does (V8's in-process compilation cache would hide the data).
    const load = (): { answer: number; stats: typeof codeCacheStats } => {
      const script = `const c = require(${JSON.stringify(require.resolve('../../src/core/fs/codeCache'))}); const answer = c.requireWithCodeCache(${JSON.stringify(bundle)}, ${JSON.stringify(cache)}).answer(); c.saveCodeCaches(); console.log(JSON.stringify({ answer, stats: c.codeCacheStats }));`;
      const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      return JSON.parse(r.stdout) as { answer: number; stats: typeof codeCacheStats };
    };
    assert.deepEqual(load(), { answer: 42, stats: { hits: 0, misses: 1, rejected: 0, damaged: 0, written: 1 } });
    const file = codeCacheFile(cache, bundle)!;
    assert.deepEqual(load().stats, { hits: 1, misses: 0, rejected: 0, damaged: 0, written: 0 }, 'used, not rewritten');
    // Damaged: one byte flipped; truncated; then data with a valid checksum that V8 refuses.
    const bytes = readFileSync(file);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0xff;
    writeFileSync(file, bytes);
    assert.deepEqual(load(), { answer: 42, stats: { hits: 0, misses: 1, rejected: 0, damaged: 1, written: 1 } });
    writeFileSync(file, bytes.subarray(0, 10));
    assert.deepEqual(load().stats, { hits: 0, misses: 1, rejected: 0, damaged: 1, written: 1 });
    const junk = Buffer.from('not a code cache at all, but long enough');
    writeFileSync(file, Buffer.concat([Buffer.from(`DLCC1${createHash('sha1').update(junk).digest('hex')}`, 'latin1'), junk]));
    assert.deepEqual(load(), { answer: 42, stats: { hits: 0, misses: 0, rejected: 1, damaged: 0, written: 1 } }, 'V8 refused it; rewritten');
    assert.deepEqual(load().stats, { hits: 1, misses: 0, rejected: 0, damaged: 0, written: 0 });
    // Another build of the bundle: another cache file; the old one is removed when the new one is written.
    writeFileSync(bundle, 'exports.answer = function () { return 41 + 1; };\n');
    assert.deepEqual(load(), { answer: 42, stats: { hits: 0, misses: 1, rejected: 0, damaged: 0, written: 1 } });
    assert.deepEqual(readdirSync(path.dirname(file)), [path.basename(codeCacheFile(cache, bundle)!)]);
  });
});
