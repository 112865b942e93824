import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { inShard, parseShard } from '../../src/core/scan/shard';
import { cli } from './helpers/cli';
import { TestRepo } from './helpers/gitRepo';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures');

/** A repository with markers in 40 files, a binary file, and cross-file resilience (an axios instance used elsewhere). */
async function repo(t: Parameters<typeof TestRepo.create>[0]): Promise<string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < 40; i++) files[`src/m${i % 7}/f${i}.ts`] = `// TODO(@team${i % 3}): item ${i}\nexport const v${i} = ${i}; // FIXME #${i}\n${i % 5 === 0 ? '// @ts-ignore\n' : ''}`;
  const r = await TestRepo.create(t, files);
  cpSync(path.join(FIXTURES, 'resilience', 'axios', 'src'), path.join(r.dir, 'api'), { recursive: true });
  writeFileSync(path.join(r.dir, 'src', 'blob.js'), Buffer.from([0x2f, 0x2f, 0x00, 0x01]));
  await r.commit('more');
  return r.dir;
}

describe('sharded scan and merge', () => {
  it('splits files deterministically and completely', () => {
    assert.deepEqual(parseShard('2/4'), { index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '1/0', 'a/b', '1', '-1/2']) assert.throws(() => parseShard(bad), /--shard: expected i\/n/);
    const files = Array.from({ length: 500 }, (_, i) => `pkg${i % 9}/file${i}.ts`);
    for (const n of [2, 3, 7]) {
      const owners = files.map((f) => Array.from({ length: n }, (_, k) => inShard(f, { index: k + 1, count: n })).filter(Boolean).length);
      assert.ok(owners.every((c) => c === 1), 'every file in exactly one shard');
      const sizes = Array.from({ length: n }, (_, k) => files.filter((f) => inShard(f, { index: k + 1, count: n })).length);
      assert.ok(Math.min(...sizes) > (500 / n) * 0.7, `balanced: ${sizes.join(' ')}`);
    }
  });

  it('merged shards equal the unsharded scan, in JSON and every other format', async (t) => {
    const dir = await repo(t);
    const full = await cli(['scan', '--format', 'json', '-o', 'full.json'], dir);
    assert.equal(full.code, 0, full.stderr);
    const whole = JSON.parse(readFileSync(path.join(dir, 'full.json'), 'utf8')) as { items: { kind: string; file: string }[]; skipped: unknown[] };
    assert.ok(whole.items.some((i) => i.kind === 'resilience' && i.file.startsWith('api/')), 'the fixture has cross-file resilience findings');
    assert.ok(whole.skipped.length > 0);
    for (const n of [2, 3]) {
      const parts: string[] = [];
      for (let i = 1; i <= n; i++) {
        const run = await cli(['scan', '--shard', `${i}/${n}`, '--format', 'json', '-o', `s${i}of${n}.json`], dir);
        assert.equal(run.code, 0, run.stderr);
        parts.push(`s${i}of${n}.json`);
        const shard = JSON.parse(readFileSync(path.join(dir, parts.at(-1)!), 'utf8')) as { items: unknown[] };
        assert.ok(shard.items.length < whole.items.length, 'a shard holds only its slice');
      }
      for (const format of ['json', 'table', 'markdown', 'csv', 'sarif']) {
        const merged = await cli(['merge', ...parts, '--format', format], dir);
        assert.equal(merged.code, 0, merged.stderr);
        const direct = format === 'json' ? readFileSync(path.join(dir, 'full.json'), 'utf8') : (await cli(['scan', '--format', format], dir)).stdout;
        // A merged ledger cannot know how many files the shards read: the table leaves that count out.
        assert.equal(merged.stdout, format === 'table' ? direct.replace(/ \(\d+ scanned\)/, '') : direct, `${format}, ${n} shards`);
      }
    }
  });

  it('merge says which file is not a ledger, and honours --fail-on', async (t) => {
    const dir = await repo(t);
    writeFileSync(path.join(dir, 'bad.json'), '{"version": 1, "items": [{"id": 1}], "skipped": []}');
    const bad = await cli(['merge', 'bad.json'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /bad\.json: item 1 is not a ledger item/);
    assert.match((await cli(['merge', 'nope.json'], dir)).stderr, /cannot read nope\.json/);
    await cli(['scan', '--format', 'json', '-o', 'a.json'], dir);
    const tripped = await cli(['merge', 'a.json', 'a.json', '--format', 'json', '--fail-on', 'FIXME'], dir);
    assert.equal(tripped.code, 1);
    assert.match(tripped.stderr, /--fail-on FIXME tripped \(40 items\)/);
  });
});
