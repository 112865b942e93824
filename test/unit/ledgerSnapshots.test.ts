import assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../src/core/config/config';
import { scanFileText } from '../../src/core/scan/scanner';
import { LedgerSnapshots } from '../../src/extension/ledger/ledgerSnapshots';
import { tempDir } from './helpers/tempDir';

// The store only reads `fsPath` of the storage folder and `toString()` of the folder URI.
type Uri = ConstructorParameters<typeof LedgerSnapshots>[0] & object;
const uri = (s: string): Uri => ({ fsPath: s, toString: () => s }) as unknown as Uri;

describe('ledger snapshots (the last session\'s ledger)', () => {
  it('round-trips a folder\'s items, and ignores a broken, foreign or missing file', async (t) => {
    const dir = tempDir(t);
    const store = new LedgerSnapshots(uri(dir));
    const items = scanFileText(defaultConfig(), 'src/a.ts', '// TODO(@ann): one #1\n// FIXME: two', '2026-11-22');
    await store.save(uri('file:///work/a'), items);
    assert.deepEqual(await store.load(uri('file:///work/a')), items);
    assert.equal(await store.load(uri('file:///work/b')), null, 'another folder has no snapshot');
    const [file] = readdirSync(dir);
    writeFileSync(path.join(dir, file!), '{"version":1,"folder":"file:///work/a","items":[{"id":3},');
    assert.equal(await store.load(uri('file:///work/a')), null);
    writeFileSync(path.join(dir, file!), JSON.stringify({ version: 1, folder: 'file:///work/a', items: [{ id: 'x', file: 'a.ts' }, items[0]] }));
    assert.deepEqual(await store.load(uri('file:///work/a')), [items[0]], 'entries without the item shape are dropped');
    assert.equal(await new LedgerSnapshots(undefined).load(uri('file:///work/a')), null);
  });

  it('writes a big ledger in slices that read back as one list (and an empty one)', async (t) => {
    const dir = tempDir(t);
    const store = new LedgerSnapshots(uri(dir));
    const text = Array.from({ length: 450 }, (_, n) => `// TODO: item ${n}`).join('\n');
    const items = scanFileText(defaultConfig(), 'src/many.ts', text, '2026-11-22');
    assert.equal(items.length, 450);
    await store.save(uri('file:///work/a'), items);
    assert.deepEqual(await store.load(uri('file:///work/a')), items);
    await store.save(uri('file:///work/a'), []);
    assert.deepEqual(await store.load(uri('file:///work/a')), []);
  });
});
