import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../src/core/config/config';
import { PostponedParses } from '../../src/core/scan/postponedParse';
import { scanWorkspace } from '../../src/core/scan/scanner';
import { tempDir } from './helpers/tempDir';

describe('held parses (the folder scan parses after its first pass)', () => {
  it('answers every held parse at finish, in order, and later ones at once', async () => {
    const held = new PostponedParses();
    const order: string[] = [];
    const request = (fileName: string) => ({ fileName, text: 'const x = <div>{/* TODO: jsx */}</div>;\n', resilience: false, lexed: null });
    const first = held.parse(request('a.tsx')).then((a) => order.push(`a ${'parsed' in a}`));
    const second = held.parse(request('b.tsx')).then((a) => order.push(`b ${'parsed' in a}`));
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(order, [], 'nothing parsed before the first pass is done');
    held.finish();
    await Promise.all([first, second]);
    assert.deepEqual(order, ['a true', 'b true']);
    const after = await held.parse(request('c.tsx'));
    assert.ok('parsed' in after);
  });

  it('gives the same items and skip list as a scan that parses at once (streaming)', async (t) => {
    const dir = tempDir(t, {
      'a.tsx': 'export const A = () => <div>{/* TODO: in JSX */}</div>;\n',
      'b.ts': '// FIXME: b\nexport const get = () => fetch("https://x.example.com");\n',
      'c.ts': '// HACK: c\n',
      'd.tsx': 'export const D = () => <p>{`${1}`}</p>; // TODO(ann): d\n',
      'e.ts': `${'('.repeat(20000)}1${')'.repeat(20000)}; // TODO: too deep\n`,
    });
    const config = defaultConfig();
    const held = await scanWorkspace({ root: dir, config, useGit: false });
    const streamed: string[] = [];
    const atOnce = await scanWorkspace({ root: dir, config, useGit: false, onFileItems: (file) => streamed.push(file) });
    assert.deepEqual(held.items, atOnce.items);
    assert.deepEqual(held.skipped, atOnce.skipped);
    assert.deepEqual(held.items.map((i) => `${i.file}:${i.line}`), ['a.tsx:1', 'b.ts:1', 'c.ts:1', 'd.tsx:1', 'e.ts:1', 'b.ts:2', 'b.ts:2']);
    assert.deepEqual(streamed, ['a.tsx', 'b.ts', 'c.ts', 'd.tsx', 'e.ts']);
  });
});
