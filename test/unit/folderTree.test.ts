import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../src/core/config/config';
import { buildFolderTree, shortenPath, type FolderTreeChild } from '../../src/core/ledger/folderTree';
import { itemAt, nextItem } from '../../src/core/ledger/navigation';
import type { LedgerItem } from '../../src/core/model';
import { scanFileText } from '../../src/core/scan/scanner';

const TODAY = '2026-11-22';
const items = (file: string, text: string): LedgerItem[] => scanFileText(defaultConfig(), file, text, TODAY);
const render = (nodes: FolderTreeChild[], depth = 0): string[] =>
  nodes.flatMap((n) => [`${'  '.repeat(depth)}${n.name} ${n.count}`, ...(n.kind === 'folder' ? render(n.children, depth + 1) : n.items.map((i) => `${'  '.repeat(depth + 1)}:${i.line}`))]);

describe('folder tree', () => {
  const all = [
    ...items('packages/openapi/test/routers/amount.ts', 'x\n// TODO: b\n// TODO: a'),
    ...items('packages/openapi/test/routers/query.ts', '// FIXME: c'),
    ...items('packages/openapi/src/index.ts', '// HACK: d'),
    ...items('packages/core/deep/er/file.ts', '// TODO: e'),
    ...items('README.ts', '// TODO: f'),
  ];

  it('nests folders with counts on every node, folders before files, compacts single-child chains', () => {
    assert.deepEqual(render(buildFolderTree(all)), [
      'packages 5',
      '  core/deep/er 1',
      '    file.ts 1',
      '      :1',
      '  openapi 4',
      '    src 1',
      '      index.ts 1',
      '        :1',
      '    test/routers 3',
      '      amount.ts 2',
      '        :2',
      '        :3',
      '      query.ts 1',
      '        :1',
      'README.ts 1',
      '  :1',
    ]);
  });

  it('keeps the deepest path of a compacted folder (for ids and reveal)', () => {
    const core = buildFolderTree(all)[0]!;
    assert.equal(core.kind, 'folder');
    const compacted = (core as { children: FolderTreeChild[] }).children[0]!;
    assert.equal(compacted.path, 'packages/core/deep/er');
  });

  it('is empty for no items', () => {
    assert.deepEqual(buildFolderTree([]), []);
  });
});

describe('shortenPath', () => {
  it('cuts whole segments from the left and never the file name', () => {
    assert.equal(shortenPath('packages/openapi/test/routers/amount.ts', 22), '…/routers/amount.ts');
    assert.equal(shortenPath('src/a.ts', 22), 'src/a.ts');
    assert.equal(shortenPath('a/very-long-file-name-indeed.ts', 10), '…/very-long-file-name-indeed.ts');
  });
});

describe('next / previous item', () => {
  const all = [...items('src/b.ts', '// TODO: 1\n\n// TODO: 3'), ...items('src/a.ts', '// TODO: 1')];

  it('moves within the file, then to the next file, wrapping around', () => {
    // The cursor sits on the tag after a jump (column 4 of `// TODO`).
    const at = (file: string, line: number) => ({ file, line, column: 4 });
    assert.equal(nextItem(all, at('src/b.ts', 1), 'next')!.line, 3);
    assert.deepEqual([nextItem(all, at('src/b.ts', 3), 'next')!.file, nextItem(all, at('src/b.ts', 3), 'next')!.line], ['src/a.ts', 1]);
    assert.equal(nextItem(all, at('src/a.ts', 1), 'next')!.file, 'src/b.ts');
    assert.equal(nextItem(all, at('src/b.ts', 1), 'previous')!.file, 'src/a.ts');
    assert.equal(nextItem(all, at('src/a.ts', 1), 'previous')!.line, 3);
    assert.equal(nextItem([], at('src/a.ts', 1), 'next'), null);
  });

  it('finds the item under the cursor, continuation lines included', () => {
    const multi = items('src/c.ts', '// TODO: one\n//   continued\nconst x = 1;');
    assert.equal(itemAt(multi, 'src/c.ts', 2)?.text, 'one continued');
    assert.equal(itemAt(multi, 'src/c.ts', 3), null);
  });
});
