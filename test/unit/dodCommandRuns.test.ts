import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { resolveConfig } from '../../src/core/config/resolveConfig';
import { CommandRunCache, commandRunMode, type DodTrigger } from '../../src/core/dod/commandRuns';
import { evaluateDod } from '../../src/core/dod/evaluateDod';
import { TestRepo } from './helpers/gitRepo';

describe('definition of done: command checks in the editor', () => {
  it('the editor policy: Re-check forces, commits and branch switches run, saves never start a process', () => {
    const modes = (['recheck', 'git', 'save', 'config'] as DodTrigger[]).map(commandRunMode);
    assert.deepEqual(modes, ['force', 'run', 'cached-only', 'cached-only']);
  });

  it('does not re-run on a save; reuses the result for the same HEAD and content; runs again after a commit', async (t) => {
    const repo = await TestRepo.create(t, { 'src/a.ts': 'export const a = 1;\n' });
    await repo.branch('feature');
    await repo.commit('change', { 'src/a.ts': 'export const a = 2;\n' });
    const counter = path.join(repo.dir, '..', `${path.basename(repo.dir)}-runs.txt`);
    writeFileSync(counter, '');
    t.after(() => writeFileSync(counter, ''));
    // The "test suite": appends a line per run, so the number of runs is counted.
    const script = `require('fs').appendFileSync(${JSON.stringify(counter)}, 'run\\n')`;
    const { config, errors } = resolveConfig({ definitionOfDone: { base: 'main', items: [{ id: 'tests', title: 'Tests pass', check: { type: 'command', command: [process.execPath, '-e', script] } }] } });
    assert.deepEqual(errors, []);
    const cache = new CommandRunCache();
    const runs = (): number => readFileSync(counter, 'utf8').split('\n').filter(Boolean).length;
    const evaluate = async (trigger: DodTrigger) => {
      const r = await evaluateDod({ root: repo.dir, config, includeUncommitted: true, allowCommands: true, requireSignoffs: false, commandRuns: { mode: commandRunMode(trigger), cache } });
      return r.items[0]!;
    };

    assert.equal((await evaluate('save')).state, 'pending', 'nothing cached yet: a save reports it not run');
    assert.equal(runs(), 0);
    assert.equal((await evaluate('git')).state, 'pass');
    assert.equal(runs(), 1);
    const saved = await evaluate('save');
    assert.deepEqual([saved.state, runs()], ['pass', 1], 'a save reuses the result, no new run');
    assert.match(saved.evidence.at(-1)!.text, /last run for this HEAD/);
    assert.equal((await evaluate('git')).state, 'pass');
    assert.equal(runs(), 1, 'a sign-off or ref change with the same HEAD and content is served from the cache');

    writeFileSync(path.join(repo.dir, 'src/a.ts'), 'export const a = 3;\n');
    const edited = await evaluate('save');
    assert.deepEqual([edited.state, runs()], ['pending', 1], 'content of a changed file changed: not run for it, and a save does not run it');
    assert.match(edited.evidence[0]!.text, /not run for these changes yet/);

    await repo.commit('commit it');
    assert.equal((await evaluate('git')).state, 'pass');
    assert.equal(runs(), 2, 'a commit runs it');
    await evaluate('recheck');
    assert.equal(runs(), 3, 'an explicit Re-check always runs it');
  });
});
