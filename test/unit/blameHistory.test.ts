import assert from 'node:assert/strict';
import { renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { Blamer, lineRanges } from '../../src/core/git/blame';
import { FileHistory } from '../../src/core/git/fileHistory';
import { TestRepo } from './helpers/gitRepo';

/** Blames with the per-file history chain and the old whole-history walk; both must agree line by line. */
async function both(dir: string, requests: Map<string, number[]>): Promise<[unknown, unknown]> {
  const walk = await new Blamer(dir, null, false).blame(requests);
  const chained = await new Blamer(dir, null, true).blame(requests);
  const plain = (m: typeof walk) => Object.fromEntries([...m].map(([f, lines]) => [f, Object.fromEntries(lines)]));
  return [plain(chained), plain(walk)];
}

describe('blame on the commits that touched a file', () => {
  it('gives what a whole-history blame gives: edits, renames, uncommitted and untracked lines', async (t) => {
    const repo = await TestRepo.create(t, { 'a.ts': '// TODO: one\nconst a = 1;\n', 'b.ts': '// FIXME: b\n', 'c.ts': 'const c = 0;\n' });
    await repo.commit('edit a', { 'a.ts': '// TODO: one\nconst a = 2;\n// TODO: two\n' });
    await repo.commit('unrelated', { 'c.ts': 'const c = 1;\n' });
    renameSync(path.join(repo.dir, 'b.ts'), path.join(repo.dir, 'moved.ts'));
    await repo.commit('rename b');
    await repo.commit('edit moved', { 'moved.ts': '// FIXME: b\n// HACK: after the move\n' });
    writeFileSync(path.join(repo.dir, 'a.ts'), '// TODO: one\nconst a = 3;\n// TODO: two\n// TODO: not committed\n');
    writeFileSync(path.join(repo.dir, 'new.ts'), '// TODO: untracked\n');
    const requests = new Map([['a.ts', [1, 3, 4]], ['moved.ts', [1, 2]], ['new.ts', [1]], ['c.ts', [1]]]);
    const [chained, walk] = await both(repo.dir, requests);
    assert.deepEqual(chained, walk);
    const a = (chained as Record<string, Record<number, { commit: string | null }>>)['a.ts']!;
    assert.notEqual(a[1]!.commit, a[3]!.commit, 'lines from different commits stay apart');
    assert.equal(a[4]!.commit, null);
  });

  it('is not used on a history with merges (blame walks as before)', async (t) => {
    const repo = await TestRepo.create(t, { 'a.ts': '// TODO: a\n' });
    await repo.branch('side');
    await repo.commit('side', { 's.ts': '// TODO: s\n' });
    await repo.git.checkout(['main']);
    await repo.commit('main', { 'a.ts': '// TODO: a\n// TODO: b\n' });
    await repo.git.merge(['--no-ff', '-m', 'merge', 'side']);
    assert.equal(await FileHistory.load(repo.dir), null);
    const [chained, walk] = await both(repo.dir, new Map([['a.ts', [1, 2]], ['s.ts', [1]], ['x.ts', [1]], ['y.ts', [1]]]));
    assert.deepEqual(chained, walk);
  });

  it('parses rename records and refuses output it does not recognise', () => {
    const sha = (c: string) => c.repeat(40);
    const out = `\x01${sha('c')}\0\nM\0new.ts\0\x01${sha('b')}\0\nR100\0old.ts\0new.ts\0\x01${sha('a')}\0\nA\0old.ts\0`;
    const h = FileHistory.parse(sha('d'), out)!;
    assert.equal(h.grafts('new.ts'), `${sha('d')} ${sha('c')}\n${sha('c')} ${sha('b')}\n${sha('b')} ${sha('a')}\n${sha('a')}\n`);
    assert.equal(h.grafts('never.ts'), null);
    assert.equal(FileHistory.parse(sha('d'), '\x01not-a-sha\0\n'), null);
    assert.equal(FileHistory.parse(sha('d'), `\x01${sha('a')}\0\nZ\0x\0`), null);
  });

  it('asks for the wanted lines only, adjacent lines as one range', () => {
    assert.deepEqual(lineRanges([7, 3, 4, 5, 9, 3]), ['-L', '3,5', '-L', '7,7', '-L', '9,9']);
  });
});
