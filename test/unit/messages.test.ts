import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cli } from './helpers/cli';
import { TestRepo } from './helpers/gitRepo';

describe('messages found on a real repository (issue 11)', () => {
  it('scan --new-since names --new-since, and suggests git fetch only for a branch name', async (t) => {
    const repo = await TestRepo.create(t, { 'src/a.ts': '// TODO: x\n' });
    const nope = await cli(['scan', '--new-since', 'nope'], repo.dir);
    assert.deepEqual([nope.code, nope.stderr], [2, 'debt-ledger: --new-since: unknown base "nope"; fetch it first (git fetch origin nope) or pass another --new-since\n']);
    const far = await cli(['scan', '--new-since', 'HEAD~300'], repo.dir);
    assert.deepEqual([far.code, far.stderr], [2, 'debt-ledger: --new-since: unknown base "HEAD~300"; no such commit here (a shallow clone? try git fetch --unshallow) or pass another --new-since\n']);
  });

  it('the DoD headline says how many items do not apply, so its count matches the list', async (t) => {
    const repo = await TestRepo.create(t, {
      '.debtledger.json': JSON.stringify({ definitionOfDone: { base: 'main', items: [
        { id: 'a', title: 'A', check: { type: 'debtBudget', max: 0 } },
        { id: 'b', title: 'B', check: { type: 'filesChanged', when: ['src/**'], require: ['CHANGELOG.md'] } },
        { id: 'c', title: 'C', check: { type: 'testsChanged', source: ['src/**'], tests: ['test/**'] } },
      ] } }),
      'src/a.ts': 'export {};\n',
    });
    const run = await cli(['dod'], repo.dir);
    assert.match(run.stdout, /: DONE, 1\/1 item \(2 n\/a\)\n/);
  });

  it('dod --help lists -o', async () => {
    assert.match((await cli(['--help'], '/')).stdout, /Options for dod:[\s\S]*-o, --output <file>[\s\S]*Options for signoff/);
  });
});
