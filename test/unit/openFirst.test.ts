import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { readFileOpenFirst, readFileSafeSync, readFileTransient, type ReadResult } from '../../src/core/fs/safeFs';

/** A read's answer without the bytes' identity (same content, same refusal and reason). */
function answer(r: ReadResult): unknown {
  return r.ok ? { ok: true, text: r.bytes.toString('latin1'), size: r.size } : r;
}

describe('readFileOpenFirst: the lstat after the open, the same answers as readFileSafeSync', () => {
  it('answers as the two-step read for every kind of workspace entry', { skip: process.platform === 'win32' ? 'O_NOFOLLOW is POSIX' : false, timeout: 20_000 }, async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'dl-openfirst-'));
    const root = path.join(base, 'ws');
    const outside = path.join(base, 'outside');
    mkdirSync(path.join(root, 'dir'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(path.join(root, 'a.ts'), '// TODO: x\n');
    writeFileSync(path.join(root, 'big.ts'), 'x'.repeat(5000));
    writeFileSync(path.join(root, 'empty.ts'), '');
    writeFileSync(path.join(outside, 'secret.ts'), 'secret');
    symlinkSync('a.ts', path.join(root, 'inside-link.ts'));
    symlinkSync(path.join(outside, 'secret.ts'), path.join(root, 'outside-link.ts'));
    symlinkSync('nowhere.ts', path.join(root, 'dangling.ts'));
    symlinkSync('/dev/zero', path.join(root, 'zero.ts'));
    execFileSync('mkfifo', [path.join(root, 'fifo.ts')]);
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(path.join(root, 'socket.ts'), resolve));
    try {
      const names = ['a.ts', 'big.ts', 'empty.ts', 'inside-link.ts', 'outside-link.ts', 'dangling.ts', 'zero.ts', 'fifo.ts', 'socket.ts', 'dir', 'missing.ts', 'dir/missing.ts', 'a.ts/below'];
      for (const name of names) {
        for (const maxBytes of [1 << 20, 100]) {
          const abs = path.join(root, name);
          assert.deepEqual(answer(readFileOpenFirst(abs, { maxBytes, root })), answer(readFileSafeSync(abs, { maxBytes, root })), `${name} (max ${maxBytes})`);
          // Into the reused buffer: the same answer, whatever larger file was read into it before.
          readFileTransient(path.join(root, 'big.ts'), { maxBytes: 1 << 20, root });
          assert.deepEqual(answer(readFileTransient(abs, { maxBytes, root })), answer(readFileSafeSync(abs, { maxBytes, root })), `${name} (max ${maxBytes}, transient)`);
        }
      }
      // The answers themselves, so the comparison is not between two broken reads.
      assert.equal(readFileOpenFirst(path.join(root, 'a.ts'), { maxBytes: 1 << 20, root }).ok, true);
      for (const [name, refusal] of [['fifo.ts', 'not a regular file'], ['zero.ts', 'symlink outside the workspace'], ['outside-link.ts', 'symlink outside the workspace'], ['dir', 'not a regular file'], ['missing.ts', 'missing'], ['socket.ts', 'not a regular file']] as const) {
        const r = readFileOpenFirst(path.join(root, name), { maxBytes: 1 << 20, root });
        assert.equal(r.ok ? 'read' : r.refusal, refusal, name);
      }
      const large = readFileOpenFirst(path.join(root, 'big.ts'), { maxBytes: 100, root });
      assert.equal(large.ok ? 'read' : large.refusal, 'too large');
    } finally {
      server.close();
      rmSync(base, { recursive: true, force: true });
    }
  });
});
