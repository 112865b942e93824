import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../src/core/config/config';
import { findTicket, isCalendarDate, parseMetadata } from '../../src/core/scan/metadata';
import { scanFileText } from '../../src/core/scan/scanner';

const scan = (text: string, tags?: string[]) => {
  const config = defaultConfig();
  if (tags) config.tags = tags;
  return scanFileText(config, 'src/a.ts', text, '2026-11-22');
};
const one = (text: string) => {
  const items = scan(text);
  assert.equal(items.length, 1, `expected one item in ${JSON.stringify(text)}, got ${JSON.stringify(items)}`);
  return items[0]!;
};

describe('tags', () => {
  it('matches every default tag, case-insensitively, with or without a colon', () => {
    const src = ['// TODO a', '// fixme: b', '// Hack c', '// XXX: d', '// bug e', '// DEBT: f', '// @todo g'].join('\n');
    assert.deepEqual(scan(src).map((i) => [i.tag, i.text]), [['TODO', 'a'], ['FIXME', 'b'], ['HACK', 'c'], ['XXX', 'd'], ['BUG', 'e'], ['DEBT', 'f'], ['TODO', 'g']]);
  });

  it('matches whole words only', () => {
    assert.deepEqual(scan('// TODOs are listed elsewhere\n// debugging output\n// XXXL size\n// todo-list widget'), []);
  });

  it('inside a line, counts only TAG: or TAG( as configured, not prose', () => {
    assert.deepEqual(scan('// see the note; TODO: inline one').map((i) => i.text), ['inline one']);
    assert.deepEqual(scan('// this is not debt: it is fine, nothing todo: here'), []);
  });

  it('uses the configured tags', () => {
    assert.deepEqual(scan('// OPTIMIZE: batch\n// TODO: ignored', ['OPTIMIZE']).map((i) => i.tag), ['OPTIMIZE']);
  });

  it('gives 1-based line and column of the tag', () => {
    const item = one('const a = 1;\n\tfoo(); // FIXME: here');
    assert.deepEqual([item.line, item.column, item.endLine], [2, 12, 2]);
  });
});

describe('metadata', () => {
  it('reads owners: TAG(@handle), TAG(handle) and a leading @mention', () => {
    assert.equal(one('// TODO(@maria): x').owner, '@maria');
    // A plain word is an owner only when the owner directory knows it (docs/metadata.md); else a label.
    assert.deepEqual([one('// TODO(maria) x').owner, one('// TODO(maria) x').labels], [null, ['maria']]);
    assert.equal(one('// TODO: @sam please look').owner, '@sam');
    assert.equal(one('// TODO: mail a@b.com').owner, null);
    assert.equal(one('// TODO: nobody').owner, null);
  });

  it('reads tickets: #123, ABC-123 and issue URLs', () => {
    assert.equal(one('// TODO: fix #123').ticket, '#123');
    assert.equal(one('// TODO: fix ABC-123 soon').ticket, 'ABC-123');
    assert.equal(one('// TODO: see https://github.com/o/r/issues/42 for context').ticket, 'https://github.com/o/r/issues/42');
    assert.equal(one('// TODO: see https://acme.atlassian.net/browse/OPS-7').ticket, 'https://acme.atlassian.net/browse/OPS-7');
    assert.equal(one('// TODO(ABC-9): ticket in the parenthesis').ticket, 'ABC-9');
    assert.equal(one('// TODO: encode as UTF-8 per RFC-3986').ticket, null);
    assert.equal(one('// TODO: use C# style').ticket, null);
  });

  it('reads due dates: [YYYY-MM-DD] and due:YYYY-MM-DD, and flags overdue against today', () => {
    const bracket = one('// TODO: ship it [2026-12-01]');
    assert.deepEqual([bracket.due, bracket.overdue, bracket.text], ['2026-12-01', false, 'ship it']);
    const keyword = one('// TODO: ship it due: 2026-01-31');
    assert.deepEqual([keyword.due, keyword.overdue, keyword.text], ['2026-01-31', true, 'ship it']);
    assert.equal(one('// TODO: due:2026-11-22 is today, not overdue').overdue, false);
    assert.equal(one('// TODO: bad date [2026-02-30]').due, null);
  });

  it('reads everything at once from a parenthesis', () => {
    const item = one('// FIXME(@lee, #12, 2025-05-01): all of it');
    assert.deepEqual([item.owner, item.ticket, item.due, item.overdue, item.text], ['@lee', '#12', '2025-05-01', true, 'all of it']);
  });

  it('isCalendarDate and findTicket edge cases', () => {
    assert.equal(isCalendarDate('2024-02-29'), true);
    assert.equal(isCalendarDate('2023-02-29'), false);
    assert.equal(findTicket('JIRA-1 and #2'), 'JIRA-1');
    assert.equal(findTicket('#2 and JIRA-1'), '#2');
    assert.deepEqual(parseMetadata(null, '  spaced   out  '), { owner: null, owners: [], ticket: null, due: null, labels: [], text: 'spaced out' });
  });
});

describe('multi-line items', () => {
  it('joins continuation lines of a block comment, up to a blank line', () => {
    const items = scan(['/*', ' * TODO: first line', ' *   continues here', ' *', ' * Unrelated prose.', ' */'].join('\n'));
    assert.deepEqual(items.map((i) => [i.text, i.line, i.endLine]), [['first line continues here', 2, 3]]);
  });

  it('joins consecutive own-line // comments, and stops at the next marker or JSDoc tag', () => {
    const src = ['// TODO: one', '// more of one', '// FIXME: two', '/**', ' * HACK: three', ' * @param x not part of it', ' */'].join('\n');
    assert.deepEqual(scan(src).map((i) => [i.tag, i.text]), [['TODO', 'one more of one'], ['FIXME', 'two'], ['HACK', 'three']]);
  });

  it('does not join a // comment after code on the next line to a marker above', () => {
    const src = ['// TODO: alone', 'foo(); // trailing, unrelated'].join('\n');
    assert.deepEqual(scan(src).map((i) => i.text), ['alone']);
  });
});

describe('suppression markers', () => {
  it('finds every suppression form as kind suppression', () => {
    const src = [
      '// @ts-ignore',
      '// @ts-expect-error -- wrong types upstream',
      '// @ts-nocheck',
      '/* eslint-disable no-console */',
      '// eslint-disable-next-line eqeqeq -- legacy',
      'a == b; // eslint-disable-line eqeqeq',
    ].join('\n');
    assert.deepEqual(scan(src).map((i) => [i.kind, i.tag, i.text]), [
      ['suppression', '@ts-ignore', ''],
      ['suppression', '@ts-expect-error', 'wrong types upstream'],
      ['suppression', '@ts-nocheck', ''],
      ['suppression', 'eslint-disable', 'no-console'],
      ['suppression', 'eslint-disable-next-line', 'eqeqeq -- legacy'],
      ['suppression', 'eslint-disable-line', 'eqeqeq'],
    ]);
  });

  it('ignores eslint-enable and mentions later in a sentence, and can be switched off', () => {
    assert.deepEqual(scan('/* eslint-enable */\n// we never use @ts-ignore here'), []);
    const config = defaultConfig();
    config.suppressions = false;
    assert.deepEqual(scanFileText(config, 'a.ts', '// @ts-ignore'), []);
  });
});

describe('stable ids', () => {
  it('keeps ids when unrelated lines move, and numbers duplicates', () => {
    const before = scan('// TODO: a\n// TODO: b');
    const after = scan('import x from "y";\n\n\n// TODO: b\nconst q = 1;\n// TODO: a');
    const byText = (items: typeof before) => Object.fromEntries(items.map((i) => [i.text, i.id]));
    assert.deepEqual(byText(after), byText(before));
    const dups = scan('// @ts-ignore\nx();\n// @ts-ignore\ny();').map((i) => i.id);
    assert.equal(dups.length, 2);
    assert.equal(dups[1], `${dups[0]}-2`);
  });

  it('differs between files and between tags', () => {
    const config = defaultConfig();
    const a = scanFileText(config, 'a.ts', '// TODO: same')[0]!.id;
    const b = scanFileText(config, 'b.ts', '// TODO: same')[0]!.id;
    const c = scanFileText(config, 'a.ts', '// FIXME: same')[0]!.id;
    assert.equal(new Set([a, b, c]).size, 3);
  });
});
