import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closest } from '../../src/core/text/didYouMean';
import { cli } from './helpers/cli';
import { TestRepo } from './helpers/gitRepo';
import { tempDir } from './helpers/tempDir';

const SAMPLE = { 'src/a.ts': '// TODO: one\n// FIXME: two [2020-01-01]\n' };

describe('gates that cannot silently pass', () => {
  it('--fail-on typos are usage errors (exit 2) with "did you mean"', async (t) => {
    const dir = tempDir(t, SAMPLE);
    const cases: [string, RegExp][] = [
      ['overdu', /unknown selector "overdu" \(did you mean "overdue"\?\)/],
      ['resilience/timout', /unknown selector "resilience\/timout" \(did you mean "resilience\/timeout"\?\)/],
      ['bogus', /unknown selector "bogus"; known: count, any, overdue/],
      ['FIXME,unticketd>2', /unknown selector "unticketd" \(did you mean "unticketed"\?\)/],
    ];
    for (const [expr, message] of cases) {
      const run = await cli(['scan', '--no-git', '--fail-on', expr], dir);
      assert.equal(run.code, 2, `${expr}: ${run.stderr}`);
      assert.match(run.stderr, message);
      assert.equal(run.stdout, '', 'nothing is scanned or printed');
    }
    // Known selectors still work, in any case, including the configuration's own tags.
    assert.equal((await cli(['scan', '--no-git', '--fail-on', 'fixme,@ts-ignore>3,resilience/retry'], dir)).code, 1);
    const custom = tempDir(t, { ...SAMPLE, '.debtledger.json': '{ "tags": ["TODO", "PERF"] }' });
    assert.equal((await cli(['scan', '--no-git', '--fail-on', 'PERF'], custom)).code, 0);
    assert.match((await cli(['scan', '--no-git', '--fail-on', 'FIXME'], custom)).stderr, /unknown selector "FIXME"/, 'a tag the configuration does not scan for');
  });

  it('--format, --sort and sign-off item typos say what was meant', async (t) => {
    const dir = tempDir(t, SAMPLE);
    const format = await cli(['scan', '--no-git', '--format', 'sarf'], dir);
    assert.deepEqual([format.code, /did you mean "sarif"/.test(format.stderr)], [2, true]);
    const sort = await cli(['scan', '--no-git', '--sort', 'intrest'], dir);
    assert.deepEqual([sort.code, /did you mean "interest"/.test(sort.stderr)], [2, true]);
    const dod = await cli(['dod', '--format', 'markdwn'], dir);
    assert.deepEqual([dod.code, /did you mean "markdown"/.test(dod.stderr)], [2, true]);
    const repo = await TestRepo.create(t, { '.debtledger.json': '{ "definitionOfDone": { "items": [{ "id": "runbook", "title": "Runbook updated", "manual": true }] } }' });
    const signoff = await cli(['signoff', 'runbok'], repo.dir);
    assert.deepEqual([signoff.code, signoff.stderr], [2, 'debt-ledger: no Definition of Done item "runbok" (did you mean "runbook"?) (items: runbook)\n']);
    assert.equal(closest('xyz', ['overdue', 'count']), null, 'no wild guesses');
  });

  it('scan --baseline speaks of the baseline, not of a --fail-on count', async (t) => {
    const repo = await TestRepo.create(t, { 'a.ts': '// TODO: accepted\n' });
    assert.equal((await cli(['baseline', 'update', '--no-blame'], repo.dir)).code, 0);
    const holds = await cli(['scan', '--baseline', '--no-blame'], repo.dir);
    assert.equal(holds.code, 0);
    assert.equal(holds.stderr, 'debt-ledger: the baseline holds: no items outside .debtledger-baseline.json (1 in it)\n');
    assert.match(holds.stdout, /^The baseline holds: no items outside \.debtledger-baseline\.json \(1 in it\)\.$/m);
    assert.doesNotMatch(holds.stdout, /No debt items found/);
    await repo.commit('more', { 'a.ts': '// TODO: accepted\n// HACK: new\n// FIXME: newer\n' });
    const grew = await cli(['scan', '--baseline', '--no-blame'], repo.dir);
    assert.equal(grew.code, 1);
    assert.match(grew.stderr, /^debt-ledger: 2 items not in the baseline \(\.debtledger-baseline\.json holds 1\); pay them down, or accept with debt-ledger baseline update --allow-growth --reason "why"\n$/);
    assert.doesNotMatch(grew.stderr, /tripped/);
  });
});
