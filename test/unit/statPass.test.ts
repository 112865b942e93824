import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { FIND_MAX_PARTS, parseFindOutput, pathList, splitInput, startEarlyFind, statPaths, type StatPass } from '../../src/cli/warm/statPass';
import { tempDir } from './helpers/tempDir';

/** What statSync says, in the pass's encoding. */
function expected(dir: string, paths: readonly string[]): Pick<StatPass, 'kinds' | 'sizes' | 'mtimes' | 'inos'> {
  const n = paths.length;
  const e = { kinds: new Uint8Array(n), sizes: new Float64Array(n), mtimes: new Float64Array(n), inos: new Float64Array(n) };
  paths.forEach((p, i) => {
    let st;
    try {
      st = statSync(path.resolve(dir, p), { throwIfNoEntry: false });
    } catch {
      st = undefined;
    }
    if (!st) return;
    e.kinds[i] = st.isFile() ? 1 : st.isDirectory() ? 2 : 3;
    e.sizes[i] = st.size;
    e.mtimes[i] = st.mtimeMs;
    e.inos[i] = st.ino;
  });
  return e;
}

const same = (a: Pick<StatPass, 'kinds' | 'sizes' | 'mtimes' | 'inos'>, b: Pick<StatPass, 'kinds' | 'sizes' | 'mtimes' | 'inos'>, what: string): void => {
  assert.deepEqual([...a.kinds], [...b.kinds], `${what}: kinds`);
  assert.deepEqual([...a.sizes], [...b.sizes], `${what}: sizes`);
  assert.deepEqual([...a.mtimes], [...b.mtimes], `${what}: mtimes`);
  assert.deepEqual([...a.inos], [...b.inos], `${what}: inodes`);
};

/** GNU findutils >= 4.9 (`-files0-from`): where the pass must go through find. */
const findVersion = /GNU findutils\D*(\d+)\.(\d+)/.exec(spawnSync('find', ['--version'], { encoding: 'utf8' }).stdout ?? '');
const hasGnuFind = process.platform === 'linux' && !!findVersion && Number(findVersion[1]) * 100 + Number(findVersion[2]) >= 409;

describe('the warm path stat pass (find -files0-from, else statSync)', () => {
  it('gives exactly what statSync gives: files, folders, links, odd names, nanosecond times', async (t) => {
    const dir = tempDir(t, { 'a.ts': 'x', 'sub/b.ts': 'hello', '-starts-with-dash.ts': 'y', 'sp ace\nnewline.ts': 'z', 'ünï.ts': 'u' });
    mkdirSync(path.join(dir, 'folder'));
    symlinkSync('a.ts', path.join(dir, 'link.ts'));
    symlinkSync('folder', path.join(dir, 'linkdir'));
    // A time with nanoseconds (utimes takes seconds as a double), as a real editor's write has.
    utimesSync(path.join(dir, 'sub/b.ts'), 1_700_000_000.123456, 1_700_000_000.987654);
    const paths = ['a.ts', 'sub/b.ts', '-starts-with-dash.ts', 'sp ace\nnewline.ts', 'ünï.ts', 'folder', 'link.ts', 'linkdir', path.join(dir, 'a.ts')];
    const viaFind = await statPaths(dir, paths, { minPaths: 0 });
    if (hasGnuFind) assert.equal(viaFind.via, 'find');
    same(viaFind, expected(dir, paths), 'find');
    const viaNode = await statPaths(dir, paths, { minPaths: 0, env: { DEBT_LEDGER_NO_FIND: '1' } });
    assert.equal(viaNode.via, 'node');
    same(viaNode, expected(dir, paths), 'node');
  });

  it('a missing path, a dangling link or a loop: every path stat\'ed here, still exact', async (t) => {
    const dir = tempDir(t, { 'a.ts': 'x', 'b.ts': 'y' });
    symlinkSync('nowhere.ts', path.join(dir, 'dangling.ts'));
    symlinkSync('loop2', path.join(dir, 'loop1'));
    symlinkSync('loop1', path.join(dir, 'loop2'));
    for (const paths of [['a.ts', 'gone.ts', 'b.ts'], ['a.ts', 'dangling.ts', 'b.ts'], ['a.ts', 'loop1', 'b.ts']]) {
      const pass = await statPaths(dir, paths, { minPaths: 0 });
      same(pass, expected(dir, paths), paths[1]!);
      assert.deepEqual([...pass.kinds], [1, 0, 1], `${paths[1]!} is missing, the others are files`);
    }
  });

  it('a known answer is recognised byte for byte, and any change breaks it', { skip: !hasGnuFind && 'needs GNU find >= 4.9' }, async (t) => {
    const dir = tempDir(t, { 'a.ts': 'x', 'b.ts': 'y' });
    const paths = ['a.ts', 'b.ts'];
    const first = await statPaths(dir, paths, { minPaths: 0 });
    assert.ok(first.raw);
    assert.equal((await statPaths(dir, paths, { minPaths: 0, known: first.raw })).same, true);
    writeFileSync(path.join(dir, 'b.ts'), 'y2');
    const after = await statPaths(dir, paths, { minPaths: 0, known: first.raw });
    assert.equal(after.same, false);
    same(after, expected(dir, paths), 'after a change');
  });

  it('split over several find processes: the same answer byte for byte, and the same refusal of a missing path', { skip: !hasGnuFind && 'needs GNU find >= 4.9' }, async (t) => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`d${i % 4}/f${i}${'x'.repeat(i)}.ts`] = 'y'.repeat(i);
    const dir = tempDir(t, files);
    const paths = [...Object.keys(files), 'd0', 'd3'];
    const one = await statPaths(dir, paths, { minPaths: 0, parts: 1 });
    assert.ok(one.raw);
    for (const parts of [2, 3, 7, 42, 100]) {
      const split = await statPaths(dir, paths, { minPaths: 0, parts });
      assert.equal(split.via, 'find', `${parts} parts`);
      assert.ok(split.raw?.equals(one.raw), `${parts} parts: the joined answer is one run's answer`);
      assert.equal((await statPaths(dir, paths, { minPaths: 0, parts, known: one.raw })).same, true, `${parts} parts: known answer`);
      same(split, expected(dir, paths), `${parts} parts`);
    }
    // A path missing in the last part: that part's answer has one record fewer, so the pass is made here.
    const withGone = [...paths, 'gone.ts'];
    const gone = await statPaths(dir, withGone, { minPaths: 0, parts: 3 });
    assert.equal(gone.via, 'node');
    same(gone, expected(dir, withGone), 'a missing path');
  });

  it('find started early over part files: its answer counts only when the parts are exactly the input', { skip: !hasGnuFind && 'needs GNU find >= 4.9' }, async (t) => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`d${i % 3}/f${i}.ts`] = 'y'.repeat(i + 1);
    const dir = tempDir(t, files);
    const paths = [...Object.keys(files), 'd1'];
    const { input } = pathList(paths);
    const one = await statPaths(dir, paths, { minPaths: 0, parts: 1 });
    const partsDir = tempDir(t);
    const part = (i: number): string => path.join(partsDir, `run.p${i}`);
    const write = (chunks: readonly Buffer[]): void => {
      for (let i = 0; i < FIND_MAX_PARTS + 1; i++) rmSync(part(i), { force: true });
      chunks.forEach((c, i) => writeFileSync(part(i), c));
    };
    for (const n of [1, 2, 3, 4]) {
      write(splitInput(input, n));
      const early = startEarlyFind(dir, part);
      assert.ok(early, `${n} parts: started`);
      assert.equal(early.holds(input), true, `${n} parts hold the input`);
      const pass = await statPaths(dir, paths, { minPaths: 0, early });
      assert.ok(pass.raw?.equals(one.raw!), `${n} parts: the same answer as one find over the input`);
      assert.equal(pass.early, true, `${n} parts: the early answer was used`);
      same(pass, expected(dir, paths), `${n} parts`);
    }
    // Used, not asked again: a change after the early find answered is not in the pass (the replay's
    // order: find first, the snapshot read meanwhile).
    write(splitInput(input, 2));
    const before = startEarlyFind(dir, part)!;
    await before.answer;
    writeFileSync(path.join(dir, 'd0/f0.ts'), 'changed after the early answer');
    const used = await statPaths(dir, paths, { minPaths: 0, early: before });
    assert.equal(used.sizes[0], 1, 'the size find saw when it ran');
    // Parts that are not exactly the input: refused, and the pass makes its own (still exact).
    const swapped = pathList([paths[1]!, paths[0]!, ...paths.slice(2)]).input;
    const [a, b] = splitInput(input, 2) as [Buffer, Buffer];
    const refused: [string, Buffer[]][] = [
      ['two paths swapped (as many records, other files)', [swapped]],
      ['the parts out of order', [b, a]],
      ['a part missing at the end', [a]],
      ['an extra part', [a, b, Buffer.from('d0/f0.ts\0')]],
      ['a path more in a part', [Buffer.concat([a, Buffer.from('d0/f0.ts\0')]), b]],
    ];
    for (const [what, chunks] of refused) {
      write(chunks);
      const early = startEarlyFind(dir, part);
      assert.ok(early, what);
      assert.equal(early.holds(input), false, what);
      const pass = await statPaths(dir, paths, { minPaths: 0, early });
      assert.equal(pass.via, 'find', what);
      assert.equal(pass.early, false, what);
      same(pass, expected(dir, paths), what);
      assert.equal(await early.answer, null, `${what}: the early processes were stopped`);
    }
  });

  it('no early find over a missing, linked, empty or FIFO part file, and cancel stops it', { skip: !hasGnuFind && 'needs GNU find >= 4.9' }, async (t) => {
    const dir = tempDir(t, { 'a.ts': 'x', 'big.ts': 'y'.repeat(100_000) });
    const partsDir = tempDir(t, { 'list': 'a.ts\0big.ts\0', 'empty.p0': '' });
    assert.equal(startEarlyFind(dir, (i) => path.join(partsDir, `none.p${i}`)), null, 'no part files');
    symlinkSync('list', path.join(partsDir, 'link.p0'));
    assert.equal(startEarlyFind(dir, (i) => path.join(partsDir, `link.p${i}`)), null, 'a link is not followed');
    assert.equal(startEarlyFind(dir, (i) => path.join(partsDir, `empty.p${i}`)), null, 'an empty part');
    if (spawnSync('mkfifo', [path.join(partsDir, 'fifo.p0')]).status === 0) {
      assert.equal(startEarlyFind(dir, (i) => path.join(partsDir, `fifo.p${i}`)), null, 'a FIFO: refused without blocking');
    }
    writeFileSync(path.join(partsDir, 'ok.p0'), 'a.ts\0big.ts\0');
    const early = startEarlyFind(dir, (i) => path.join(partsDir, `ok.p${i}`));
    assert.ok(early);
    early.cancel();
    assert.equal(await early.answer, null, 'cancelled: no answer');
  });

  it('refuses an answer that is not one well-formed record per path', () => {
    const pass = (): StatPass => ({ kinds: new Uint8Array(2), sizes: new Float64Array(2), mtimes: new Float64Array(2), inos: new Float64Array(2), via: 'find' });
    assert.equal(parseFindOutput(Buffer.from('f 1 1.000000000 5\0'), pass()), false, 'one record for two paths');
    assert.equal(parseFindOutput(Buffer.from('f 1 1.000000000 5\0f 2 x 6\0'), pass()), false, 'garbage');
    assert.equal(parseFindOutput(Buffer.from('f 1 1.000000000 5\0f 2 2.5 6\0'), pass()), false, 'not nanoseconds');
    assert.equal(parseFindOutput(Buffer.from('f 1 1.000000000 5\0f 2 -1.5000000000 6\0'), pass()), false, 'before 1970');
    assert.equal(parseFindOutput(Buffer.from('f 1 1.0000000000 5\0f 2 2.0000000000 6\0f'), pass()), false, 'more than asked');
    assert.equal(parseFindOutput(Buffer.from('f 1 1.0000000000 5\0f 2 2.0000000000 6'), pass()), false, 'cut short');
    assert.equal(parseFindOutput(Buffer.from('f 1 1.0000000000 5\0f  2.0000000000 6\0'), pass()), false, 'no size');
    const p = pass();
    assert.equal(parseFindOutput(Buffer.from('f 1 1.0000000010 5\0d 4096 2.5000000000 6\0'), p), true);
    assert.deepEqual([...p.kinds, ...p.sizes, ...p.mtimes, ...p.inos], [1, 2, 1, 4096, 1000.000001, 2500, 5, 6]);
  });
});
