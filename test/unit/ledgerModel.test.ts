import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../src/core/config/config';
import { filterItems, groupItems, isFilterActive, NO_FILTER } from '../../src/core/ledger/grouping';
import { LedgerIndex } from '../../src/core/ledger/ledgerIndex';
import type { LedgerItem } from '../../src/core/model';
import { scanFileText } from '../../src/core/scan/scanner';

const TODAY = '2026-11-22';
const items = (file: string, text: string): LedgerItem[] => scanFileText(defaultConfig(), file, text, TODAY);
const sample = [
  ...items('src/b.ts', '// TODO(@zoe): later [2027-06-01]\n// FIXME: soon [2026-12-01]\n// @ts-ignore'),
  ...items('src/a.ts', '// TODO(@ann): overdue [2026-01-01]\n// TODO: no owner #12'),
];
const shape = (groups: ReturnType<typeof groupItems>) => groups.map((g) => `${g.label}: ${g.items.map((i) => `${i.file}:${i.line}`).join(' ')}`);

describe('grouping', () => {
  it('by tag: markers before suppressions, most items first, items in file and line order', () => {
    assert.deepEqual(shape(groupItems(sample, 'tag', TODAY)), ['TODO: src/a.ts:1 src/a.ts:2 src/b.ts:1', 'FIXME: src/b.ts:2', '@ts-ignore: src/b.ts:3']);
  });

  it('by file: path order', () => {
    assert.deepEqual(shape(groupItems(sample, 'file', TODAY)), ['src/a.ts: src/a.ts:1 src/a.ts:2', 'src/b.ts: src/b.ts:1 src/b.ts:2 src/b.ts:3']);
  });

  it('by owner: unowned last', () => {
    assert.deepEqual(shape(groupItems(sample, 'owner', TODAY)), ['@ann: src/a.ts:1', '@zoe: src/b.ts:1', 'No owner: src/a.ts:2 src/b.ts:2 src/b.ts:3']);
  });

  it('by due date: overdue, within 30 days, later, none', () => {
    assert.deepEqual(shape(groupItems(sample, 'due', TODAY)), ['Overdue: src/a.ts:1', 'Due within 30 days: src/b.ts:2', 'Due later: src/b.ts:1', 'No due date: src/a.ts:2 src/b.ts:3']);
  });
});

describe('filtering', () => {
  it('matches text, file, owner and ticket case-insensitively, tags exactly, and one file', () => {
    const texts = (f: Partial<typeof NO_FILTER>) => filterItems(sample, { ...NO_FILTER, ...f }).map((i) => `${i.file}:${i.line}`);
    assert.deepEqual(texts({ text: 'OVERDUE' }), ['src/a.ts:1']);
    assert.deepEqual(texts({ text: '@zoe' }), ['src/b.ts:1']);
    assert.deepEqual(texts({ text: '#12' }), ['src/a.ts:2']);
    assert.deepEqual(texts({ tags: ['fixme', '@TS-IGNORE'] }), ['src/b.ts:2', 'src/b.ts:3']);
    assert.deepEqual(texts({ file: 'src/a.ts' }), ['src/a.ts:1', 'src/a.ts:2']);
    assert.equal(isFilterActive(NO_FILTER), false);
    assert.equal(isFilterActive({ ...NO_FILTER, tags: ['TODO'] }), true);
  });
});

describe('LedgerIndex', () => {
  it('keeps a file\'s own items as the same list until they change (editors skip unchanged files)', () => {
    const index = new LedgerIndex('/root');
    const items = scanFileText(defaultConfig(), 'a.ts', '// TODO: one', '2026-01-01');
    assert.equal(index.ownItemsOf('a.ts').length, 0);
    index.setFile('a.ts', items);
    const first = index.ownItemsOf('a.ts');
    assert.deepEqual(first, items);
    assert.equal(index.setFile('a.ts', scanFileText(defaultConfig(), 'a.ts', '// TODO: one', '2026-01-01')), false);
    assert.equal(index.ownItemsOf('a.ts'), first, 'the same items: the same list');
    index.setFile('a.ts', scanFileText(defaultConfig(), 'a.ts', '\n// TODO: one', '2026-01-01'));
    assert.notEqual(index.ownItemsOf('a.ts'), first);
    assert.equal(index.ownItemsOf('a.ts')[0]!.line, 2);
  });

  it('replaces one file, reports whether anything changed, and removes folders', () => {
    const index = new LedgerIndex('/root');
    index.reset(sample, [{ file: 'big.js', reason: 'too large' }]);
    assert.equal(index.items().length, 5);
    assert.equal(index.setFile('src/a.ts', items('src/a.ts', '// TODO(@ann): overdue [2026-01-01]\n// TODO: no owner #12')), false, 'same items: no change');
    assert.equal(index.setFile('src/a.ts', items('src/a.ts', '\n// TODO(@ann): overdue [2026-01-01]')), true);
    assert.deepEqual(index.items().filter((i) => i.file === 'src/a.ts').map((i) => i.line), [2]);
    index.skipFile('src/b.ts', 'binary content');
    assert.deepEqual(index.skipped(), [{ file: 'big.js', reason: 'too large' }, { file: 'src/b.ts', reason: 'binary content' }]);
    assert.equal(index.removeUnder('src'), true);
    assert.deepEqual([index.items(), index.has('src/b.ts')], [[], false]);
    assert.equal(index.removeFile('src/a.ts'), false);
  });
});

describe('grouping by age, team and interest', () => {
  const dated = (i: LedgerItem, date: string | null, team: string | null, interest: number): LedgerItem => ({ ...i, introduced: date ? { commit: 'c', date } : null, team, interest });
  // sample is src/b.ts lines 1-3, then src/a.ts lines 1-2.
  const [b1, b2, b3, a1, a2] = sample;
  const items = [dated(b1!, '2026-11-20T00:00:00Z', '@ann', 2), dated(b2!, '2024-01-01T00:00:00Z', null, 9), dated(b3!, '2026-06-01T00:00:00Z', '@zoe', 4), dated(a1!, null, '@zoe', 1), dated(a2!, '2025-12-15T00:00:00Z', '@zoe', 3)];

  it('by age: oldest bucket first, items oldest first, undated last', () => {
    assert.deepEqual(groupItems(items, 'age', TODAY).map((g) => `${g.label}: ${g.items.map((i) => i.line).join(' ')}`), ['2–5 years: 2', 'This year: 2 3', 'This week: 1', 'Not committed / not dated yet: 1']);
  });

  it('by team: largest first, no team last; by interest: files costliest first (hotspots)', () => {
    assert.deepEqual(groupItems(items, 'team', TODAY).map((g) => `${g.label} ${g.items.length}`), ['@zoe 3', '@ann 1', 'No team 1']);
    assert.deepEqual(groupItems(items, 'interest', TODAY).map((g) => `${g.label}: ${g.items.map((i) => i.interest).join(' ')}`), ['src/b.ts: 9 4 2', 'src/a.ts: 3 1']);
  });

  it('filters to a set of ids (new on this branch)', () => {
    assert.deepEqual(filterItems(items, { ...NO_FILTER, ids: new Set([items[2]!.id]) }).map((i) => i.id), [items[2]!.id]);
  });
});
