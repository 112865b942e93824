import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';

const REPO = path.join(__dirname, '../../..');

describe('the sample repository behind npm start', () => {
  it('is made under npm run (EDITOR set, which simple-git refuses in an explicit environment)', () => {
    const script = `const m = await import(${JSON.stringify(pathToFileURL(path.join(REPO, 'scripts/sample-repo.mjs')).href)}); console.log(await m.makeSampleRepo());`;
    const made = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, EDITOR: 'vi', VISUAL: 'vi' } });
    assert.equal(made.status, 0, made.stderr);
    const dir = made.stdout.trim().split('\n').pop()!;
    try {
      const log = spawnSync('git', ['-C', dir, 'log', '--format=%s', 'main'], { encoding: 'utf8' });
      assert.deepEqual(log.stdout.trim().split('\n'), ['ORD-9 legacy pricing, moved in', 'ORD-4 nightly job', 'ORD-1 sample service']);
      const branch = spawnSync('git', ['-C', dir, 'rev-parse', '--abbrev-ref', 'HEAD'], { encoding: 'utf8' });
      assert.equal(branch.stdout.trim(), 'feature/cancel-orders');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
