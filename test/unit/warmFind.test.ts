import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { FIND_MIN_PATHS } from '../../src/cli/warm/statPass';
import { formatWarmTrace, startWarmTrace } from '../../src/cli/warm/warmTrace';
import { ageAll, nextAge } from './helpers/aging';
import { warmHarness } from './helpers/warmHarness';
import { tempDir, writeFiles } from './helpers/tempDir';

// The warm path over more files than FIND_MIN_PATHS: its stat pass goes through find (on Linux with GNU
// find >= 4.9, else the statSync loop: the same answers), and its known-answer file (`run-*.stat`) is used.
const N = FIND_MIN_PATHS + 44;

async function setup(t: TestContext) {
  const files: Record<string, string> = {};
  for (let i = 0; i < N; i++) files[`pkg${i % 7}/src/f${i}.ts`] = i % 10 === 0 ? `// TODO: item ${i}\nexport const v${i} = ${i};\n` : `export const v${i} = ${i};\n`;
  const { repo, env, run, fresh: freshRun } = await warmHarness(t, files, ['--no-blame']);
  const fresh = async (...args: string[]) => (await freshRun(...args)).text;
  /** After a change: not replayed and equal to a run without cache; then replayed twice (the second from the known answer). */
  const changed = async (what: string, ...args: string[]) => {
    ageAll(repo.dir);
    const first = await run(...args);
    assert.equal(first.outcome, 'recorded', `${what}: the change is seen and recorded`);
    assert.equal(first.text, await fresh(...args), `${what}: equal to a run without cache`);
    for (const n of [1, 2]) {
      const again = await run(...args);
      assert.equal(again.outcome, 'replayed', `${what}: unchanged since, replay ${n}`);
      assert.equal(again.text, first.text);
    }
    const stored = readdirSync(path.join(env.XDG_CACHE_HOME, 'debt-ledger'));
    if (process.platform === 'linux' && !process.env.DEBT_LEDGER_NO_FIND) assert.ok(stored.some((f) => f.endsWith('.stat')), `${what}: the known answer is kept`);
    return first.text;
  };
  return { repo, env, changed, run, write: (f: Record<string, string>) => writeFiles(repo.dir, f) };
}

describe('the CLI warm path over many files (the find stat pass)', () => {
  it('notices a content change, a new file in an existing folder, a removed file and a new folder', async (t) => {
    const s = await setup(t);
    await s.changed('first run');
    s.write({ 'pkg3/src/f3.ts': '// FIXME: edited\nexport const v3 = 3;\n' });
    assert.match(await s.changed('content of a tracked file'), /edited/);
    s.write({ 'pkg3/src/f3.ts': '// FIXME: edixed\nexport const v3 = 3;\n' });
    assert.match(await s.changed('content, same size'), /edixed/);
    s.write({ 'pkg1/src/new.ts': '// HACK: new in an existing folder\n' });
    assert.match(await s.changed('new untracked file in an existing folder'), /new in an existing folder/);
    rmSync(path.join(s.repo.dir, 'pkg1/src/new.ts'));
    assert.doesNotMatch(await s.changed('removed untracked file'), /new in an existing folder/);
    rmSync(path.join(s.repo.dir, 'pkg0/src/f0.ts'));
    assert.doesNotMatch(await s.changed('removed tracked file'), /item 0\b/);
    s.write({ 'pkg9/deep/er/x.ts': '// XXX: in a new folder\n' });
    assert.match(await s.changed('new folder'), /in a new folder/);
  });

  it('the same in a walk (--no-git): new and removed files in existing folders', async (t) => {
    const s = await setup(t);
    await s.changed('walk', '--no-git');
    s.write({ 'pkg2/src/added.ts': '// TODO: walked in\n' });
    assert.match(await s.changed('walk: new file', '--no-git'), /walked in/);
    rmSync(path.join(s.repo.dir, 'pkg2/src/added.ts'));
    assert.doesNotMatch(await s.changed('walk: removed file', '--no-git'), /walked in/);
    s.write({ 'pkg4/src/f4.ts': '// BUG: edited in a walk\n' });
    assert.match(await s.changed('walk: content', '--no-git'), /edited in a walk/);
  });

  it('a replay leaves an -o file holding the same bytes, and rewrites one that differs (content, size, a link)', async (t) => {
    const s = await setup(t);
    const out = path.join(tempDir(t), 'ledger.json');
    ageAll(s.repo.dir);
    await s.run('-o', out);
    assert.equal((await s.run('-o', out)).outcome, 'replayed');
    const text = readFileSync(out, 'utf8');
    const ino = statSync(out).ino;
    assert.equal((await s.run('-o', out)).outcome, 'replayed');
    assert.equal(statSync(out).ino, ino, 'the same bytes: left as it is');
    assert.ok(text.includes('item 10'));
    writeFileSync(out, text.replace('item 10', 'item 1X'));
    assert.equal((await s.run('-o', out)).outcome, 'replayed');
    assert.equal(readFileSync(out, 'utf8'), text, 'same size, other bytes: rewritten');
    writeFileSync(out, 'short');
    await s.run('-o', out);
    assert.equal(readFileSync(out, 'utf8'), text, 'other size: rewritten');
    const elsewhere = path.join(path.dirname(out), 'real.json');
    writeFileSync(elsewhere, text);
    rmSync(out);
    symlinkSync('real.json', out);
    await s.run('-o', out);
    assert.equal(readFileSync(elsewhere, 'utf8'), text);
  });

  it('find starts on the stored parts of its input; parts that are stale, damaged, a FIFO or gone are not used', { skip: (process.platform !== 'linux' || !!process.env.DEBT_LEDGER_NO_FIND) && 'the find pass runs on Linux only' }, async (t) => {
    const s = await setup(t);
    const text = await s.changed('first run');
    const dir = path.join(s.env.XDG_CACHE_HOME, 'debt-ledger');
    const parts = readdirSync(dir).filter((f) => /\.p\d$/.test(f));
    assert.ok(parts.length >= 1, 'the recording wrote the stat input as part files');
    const p0 = path.join(dir, parts[0]!);
    const original = readFileSync(p0);
    const listed = original.toString('utf8').split('\0').slice(0, -1);
    const replays = async (what: string, early = false) => {
      startWarmTrace();
      const r = await s.run();
      assert.equal(r.outcome, 'replayed', `${what}: still replayed (the pass ran its own find)`);
      assert.equal(r.text, text, what);
      assert.equal(/\(find, started early/.test(formatWarmTrace()), early, `${what}: ${early ? '' : 'not '}the early find's answer`);
    };
    await replays('as recorded', true);
    // The same paths in another order: as many records, each at the wrong place if the part were used.
    writeFileSync(p0, `${[...listed].reverse().join('\0')}\0`);
    await replays('the paths reversed');
    writeFileSync(p0, `${listed.slice(1).join('\0')}\0`);
    await replays('a path fewer');
    rmSync(p0);
    if (spawnSync('mkfifo', [p0]).status === 0) await replays('a FIFO');
    rmSync(p0, { force: true });
    await replays('gone');
    writeFileSync(p0, original);
    await replays('put back', true);
  });

  it('after an edit, the recording keeps the miss\'s find answer: the next replay compares bytes, and a later edit is still seen', { skip: (process.platform !== 'linux' || !!process.env.DEBT_LEDGER_NO_FIND) && 'the find pass runs on Linux only' }, async (t) => {
    const s = await setup(t);
    await s.changed('first run');
    const traced = async () => {
      startWarmTrace();
      const r = await s.run();
      return { ...r, trace: formatWarmTrace() };
    };
    for (const [file, text] of [['pkg3/src/f3.ts', '// FIXME: edited\nexport const v3 = 3;\n'], ['pkg5/src/f5.ts', '// FIXME: edixed\nexport const v5 = 5;\n']] as const) {
      s.write({ [file]: text });
      // Only the edited file moves (out of the racy window): the side files and folders hold, so the
      // miss is the listed files' find pass that the scan takes as its own.
      const when = nextAge();
      utimesSync(path.join(s.repo.dir, file), when, when);
      const recorded = await traced();
      assert.equal(recorded.outcome, 'recorded', `${file}: the edit is seen`);
      assert.match(recorded.trace, /listed files \(find/, `${file}: the miss was a find pass`);
      const next = await traced();
      assert.equal(next.outcome, 'replayed');
      assert.equal(next.text, recorded.text);
      assert.match(next.trace, /, as known\)/, `${file}: the first replay after the recording compares find's answer as known`);
    }
  });
});
