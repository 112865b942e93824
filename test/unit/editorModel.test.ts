import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../src/core/config/config';
import { hoverModel } from '../../src/core/editor/hoverModel';
import { DEFAULT_HIGHLIGHT, resolveHighlightSettings, styleFamily, styleKey, tagStyle } from '../../src/core/editor/highlightStyles';
import { permalink, ticketLink, webBase } from '../../src/core/editor/permalink';
import type { LedgerItem } from '../../src/core/model';
import { scanFileText } from '../../src/core/scan/scanner';

const TODAY = '2026-11-22';
const items = (text: string): LedgerItem[] => scanFileText(defaultConfig(), 'src/a.ts', text, TODAY);

describe('permalink', () => {
  it('turns https, scp-style and ssh remotes into line links, and refuses local paths', () => {
    assert.equal(permalink('https://github.com/o/r.git', 'abc', 'src/a b.ts', 3), 'https://github.com/o/r/blob/abc/src/a%20b.ts#L3');
    assert.equal(permalink('git@github.com:o/r.git\n', 'abc', 'x.ts', 1), 'https://github.com/o/r/blob/abc/x.ts#L1');
    assert.equal(permalink('ssh://git@gitlab.com/g/sub/r', 'abc', 'x.ts', 2), 'https://gitlab.com/g/sub/r/-/blob/abc/x.ts#L2');
    assert.equal(permalink('https://user:secret@bitbucket.org/o/r.git', 'abc', 'x.ts', 2), 'https://bitbucket.org/o/r/src/abc/x.ts#lines-2');
    assert.equal(permalink('/srv/git/repo.git', 'abc', 'x.ts', 1), null);
    assert.equal(permalink('C:\\repos\\r', 'abc', 'x.ts', 1), null);
    assert.equal(permalink('javascript:alert(1)', 'abc', 'x.ts', 1), null);
  });

  it('links tickets: URLs as they are, #n on the repository tracker', () => {
    const web = webBase('git@github.com:o/r.git');
    assert.equal(ticketLink('#12', web), 'https://github.com/o/r/issues/12');
    assert.equal(ticketLink('https://jira.example.com/browse/AB-1', null), 'https://jira.example.com/browse/AB-1');
    assert.equal(ticketLink('AB-1', web), null);
  });
});

describe('hover model', () => {
  it('shows owner, linked ticket, how overdue, age and commit, interest, and extra fields when present', () => {
    const [item] = items('// TODO(@ann): fix it #7 [2026-11-20]');
    const dated = { ...item!, introduced: { commit: '0123456789abcdef', date: '2026-05-01T10:00:00Z' }, interest: 4.5, scope: 'test' } as LedgerItem;
    const model = hoverModel(dated, TODAY, 'https://github.com/o/r');
    assert.equal(model.title, 'TODO');
    assert.equal(model.overdue, true);
    assert.deepEqual(model.rows, [
      { label: 'Owner', value: '@ann' },
      { label: 'Ticket', value: '#7', href: 'https://github.com/o/r/issues/7' },
      { label: 'Due', value: '2026-11-20, overdue by 2 days' },
      { label: 'Age', value: '7 months (commit 0123456, 2026-05-01)' },
      { label: 'Scope', value: 'test' },
      { label: 'Interest', value: '4.5' },
    ]);
  });

  it('says when an item is not dated, and marks suppressions', () => {
    const [item] = items('// @ts-ignore');
    const model = hoverModel(item!, TODAY, null);
    assert.equal(model.title, '@ts-ignore (suppression)');
    assert.deepEqual(model.rows, [{ label: 'Age', value: 'not committed yet, or not dated yet' }, { label: 'Scope', value: 'source' }]);
  });
});

describe('highlight styles', () => {
  it('maps tags to families with contributed theme colours', () => {
    assert.deepEqual(['TODO', 'fixme', 'BUG', 'HACK', 'XXX', 'DEBT', 'PERF'].map((t) => styleFamily(t, 'marker')), ['todo', 'fixme', 'fixme', 'hack', 'hack', 'debt', 'debt']);
    assert.equal(styleFamily('@ts-ignore', 'suppression'), 'suppression');
    assert.deepEqual(tagStyle('TODO', 'marker', DEFAULT_HIGHLIGHT).foreground, { theme: 'debtLedger.todoForeground' });
  });

  it('applies per-tag overrides from settings and reports bad ones without throwing', () => {
    const { settings, problems } = resolveHighlightSettings({ wholeLine: true, tags: { todo: { foreground: '#ff0000', bold: false }, FIXME: { foreground: 'red;}' }, HACK: 3 } });
    assert.equal(settings.wholeLine, true);
    assert.deepEqual(tagStyle('TODO', 'marker', settings).foreground, { hex: '#ff0000' });
    assert.equal(tagStyle('TODO', 'marker', settings).bold, false);
    assert.deepEqual(tagStyle('FIXME', 'marker', settings).foreground, { theme: 'debtLedger.fixmeForeground' });
    assert.deepEqual(problems, ['highlight.tags.FIXME.foreground: expected #rrggbb, #rrggbbaa or a theme colour id', 'highlight.tags.HACK: expected an object']);
    assert.deepEqual(resolveHighlightSettings({ tags: [] }).problems, ['highlight.tags: expected an object of tag -> style']);
  });

  it('gives equal styles one key, and overdue a different one', () => {
    const s = tagStyle('TODO', 'marker', DEFAULT_HIGHLIGHT);
    assert.equal(styleKey(s, false), styleKey(tagStyle('todo', 'marker', DEFAULT_HIGHLIGHT), false));
    assert.notEqual(styleKey(s, false), styleKey(s, true));
  });
});
