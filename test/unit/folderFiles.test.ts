import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { filesBelow } from '../../src/core/fs/folderFiles';
import { tempDir } from './helpers/tempDir';

describe('filesBelow (the files of a just-created folder)', () => {
  it('lists accepted files below the folder, skips node_modules, .git and symbolic links, and gives up past the limit', async (t) => {
    const root = tempDir(t);
    for (const d of ['a/b/c', 'a/node_modules/x', 'a/.git', 'outside']) mkdirSync(path.join(root, d), { recursive: true });
    for (const f of ['a/one.ts', 'a/b/c/two.ts', 'a/b/readme.md', 'a/node_modules/x/i.ts', 'a/.git/h.ts', 'outside/o.ts']) writeFileSync(path.join(root, f), '// TODO: x');
    symlinkSync(path.join(root, 'outside'), path.join(root, 'a/link'));
    symlinkSync(path.join(root, 'outside/o.ts'), path.join(root, 'a/b/linked.ts'));
    const ts = (f: string): boolean => f.endsWith('.ts');
    assert.deepEqual((await filesBelow(root, 'a', ts, 10))?.sort(), ['a/b/c/two.ts', 'a/one.ts']);
    assert.equal(await filesBelow(root, 'a', ts, 1), null, 'more files than the limit: the caller rescans');
    assert.deepEqual(await filesBelow(root, 'missing', ts, 10), []);
  });
});
