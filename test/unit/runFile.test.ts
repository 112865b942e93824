import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeRunFile, encodeRunFile, inputPaths, type RunSnapshot } from '../../src/cli/warm/runFile';
import { pathList } from '../../src/cli/warm/statPass';

function sample(text: string | null): RunSnapshot {
  const files = ['src/a.ts', 'ünï/b.ts', 'with\nnewline.ts'];
  const { input, findable } = pathList(['/root/src', ...files]);
  return {
    v: 2, key: '{"k":1}', id: 'abc-123', git: ['0\0\0true\n', '1\0\0'], side: [['/root/.debtledger.json', 12, 1700000000123.456, 42]], dirs: [['/root/src', 1700000000000.5, 7]],
    n: files.length, sizes: Float64Array.from([10, -1, -2]), mtimes: Float64Array.from([1700000000123.4568, 0, 1.5]), input, findable,
    out: { stdout: 'out ✓\n', stderr: '', code: 1, file: text === null ? null : '/tmp/x.json', text },
  };
}

describe('the stored run file (header + binary sections)', () => {
  it('reads back what it wrote, the output bytes as they were', () => {
    for (const text of ['{"items": ["é"]}\n', '', null]) {
      const snap = sample(text);
      const back = decodeRunFile(encodeRunFile(snap), 2);
      assert.ok(back, String(text));
      assert.deepEqual([...back.sizes], [...snap.sizes]);
      assert.deepEqual([...back.mtimes], [...snap.mtimes]);
      assert.deepEqual(inputPaths(back.input), ['/root/src', 'src/a.ts', 'ünï/b.ts', 'with\nnewline.ts']);
      assert.deepEqual({ ...back.out, text: back.out.text === null ? null : Buffer.from(back.out.text).toString('utf8') }, snap.out);
      assert.deepEqual([back.key, back.id, back.git, back.side, back.dirs, back.n, back.findable], [snap.key, snap.id, snap.git, snap.side, snap.dirs, snap.n, true]);
    }
  });

  it('refuses a truncated, lengthened, foreign or other-version file', () => {
    const bytes = encodeRunFile(sample('{}'));
    assert.equal(decodeRunFile(bytes.subarray(0, bytes.length - 1), 2), null, 'truncated');
    assert.equal(decodeRunFile(Buffer.concat([bytes, Buffer.from('x')]), 2), null, 'lengthened');
    assert.equal(decodeRunFile(bytes, 3), null, 'another version');
    assert.equal(decodeRunFile(Buffer.from('{"v":1,"key":'), 2), null, 'the old JSON form');
    const damaged = Buffer.from(bytes);
    damaged[20] = 0x7b; // inside the header JSON
    assert.equal(decodeRunFile(damaged, 2), null, 'damaged header');
  });

  it('reads a file that does not sit at an 8-byte boundary in memory', () => {
    const bytes = encodeRunFile(sample('{}'));
    const shifted = Buffer.alloc(bytes.length + 3);
    bytes.copy(shifted, 3);
    const back = decodeRunFile(shifted.subarray(3), 2);
    assert.deepEqual([...back!.mtimes], [1700000000123.4568, 0, 1.5]);
  });
});
