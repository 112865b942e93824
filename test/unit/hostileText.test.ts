import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FORMATTERS } from '../../src/cli/formatters';
import { formatDodMarkdown, formatDodTable } from '../../src/cli/formatters/dodFormatters';
import { codeSpan, markdownText } from '../../src/cli/escape/markdown';
import type { DodResult } from '../../src/core/dod/model';
import { emptyScanStats, type LedgerItem } from '../../src/core/model';
import { gap, makeItem } from './helpers/items';

/** Workspace texts found to forge, ping, track or take over an output (issue 10). */
const HOSTILE: Record<string, string> = {
  html: '<img src=x onerror=alert(1)></details><script>alert(2)</script>',
  image: '![x](http://tracker.example/pixel.png) and <http://raw.example> www.raw.example',
  link: '[click](javascript:alert(1)) **bold** _em_ ~~s~~ $x^2$',
  mentions: '@everyone @org/team cc @alice a@b.example',
  escapes: '\x1b[2J\x1b]0;owned\x07\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\ \x9b31m red \u202egnp.exe',
  backticks: '``` fence ` tick `` two',
  pipes: 'a | b \\| c || d',
  breaks: 'one\rtwo\nthree\r\n::error::forged\u2028four',
  specials: '#1 ?q=1 100% &amp; "quoted"',
  long: 'x'.repeat(50_000),
};
const FILES = ['src/#hash.ts', 'src/q?x=1.ts', 'src/100%.ts', 'src/a`b|c.ts', 'src/new\rline.ts', 'src/\x1b]0;t\x07.ts', 'src/@everyone.ts'];

function hostileItems(): LedgerItem[] {
  const items: LedgerItem[] = [];
  let k = 0;
  for (const text of Object.values(HOSTILE)) {
    const file = FILES[k++ % FILES.length]!;
    items.push(makeItem({ file, text, owner: HOSTILE.mentions!.split(' ')[0]!, ticket: text.slice(0, 40), due: '2020-01-01', overdue: true }));
    items.push(gap({ file, client: text.slice(0, 60), reason: text, callers: [`${file}:3`] }));
  }
  return items;
}

// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const HUMAN = new Set(['table', 'markdown', 'csv', 'github', 'compact']);

describe('hostile workspace text through every formatter', () => {
  const items = hostileItems();
  const scan = { root: '/repo', items, skipped: [{ file: 'src/\x1b[31mred.ts', reason: '<b>big</b> @everyone' }], stats: emptyScanStats() };

  for (const f of FORMATTERS) {
    it(`${f.name}: no control characters, no forged structure`, () => {
      const out = f.format(scan, { color: false, width: 120 });
      if (HUMAN.has(f.name)) {
        const bad = f.name === 'csv' ? out.replace(/\r\n/g, '\n').replace(/\r/g, '') : out;
        assert.ok(!CONTROL.test(bad), `${f.name}: control character at ${bad.search(CONTROL)}: ${JSON.stringify(bad.slice(Math.max(0, bad.search(CONTROL) - 20), bad.search(CONTROL) + 20))}`);
      } else {
        const doc = JSON.parse(out) as unknown;
        const messages = JSON.stringify(doc, (key, value: unknown) => (['message', 'description', 'text'].includes(key) || typeof value !== 'string' ? value : undefined));
        if (f.name !== 'json') assert.ok(!/\\u00(?:1b|07)|\u009b|\u202e/i.test(messages), `${f.name}: messages keep controls`);
      }
      if (f.name === 'markdown') {
        const withoutOurTags = out.replace(/<\/?(?:details|summary)(?: open)?>/g, '');
        assert.ok(!withoutOurTags.includes('<'), 'no raw HTML');
        assert.ok(!/@[\w-]/.test(out), 'no live mention');
        assert.ok(!out.includes('!['), 'no image');
        assert.ok(!out.includes(']('), 'no link from workspace text');
        assert.ok(!out.includes('://'), 'no bare URL');
        assert.ok(!/\$[^$]*\$/.test(out), 'no math');
        const rows = out.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Where') && !l.startsWith('| ---'));
        assert.equal(rows.length, items.length, 'one row per item: no CR/LF breaks a row');
        for (const row of rows) assert.equal(row.split('|').length - 1, row.includes('resilience/') ? 6 : 7, `cells forged in ${row.slice(0, 200)}`);
      }
      if (f.name === 'table') assert.equal(out.split('\n').filter((l) => /^\s+\d+:\d+ {2}/.test(l)).length, items.length, 'one line per item');
      if (f.name === 'compact') assert.equal(out.trimEnd().split('\n').length, items.length);
      if (f.name === 'github') for (const l of out.trimEnd().split('\n')) assert.match(l, /^::(error|warning|notice) [^\r\n]*$/);
      if (f.name === 'csv') for (const row of out.split('\r\n').slice(1)) assert.ok(!/(^|,)"?[=+\-@]/.test(row), `formula in ${row.slice(0, 80)}`);
      if (f.name === 'rdjson') {
        for (const d of (JSON.parse(out) as { diagnostics: { message: string }[] }).diagnostics) {
          assert.ok(!/@[\w-]|!\[|<|:\/\/|\n/.test(d.message), `reviewdog posts this as Markdown: ${d.message.slice(0, 120)}`);
        }
      }
      if (f.name === 'sarif') for (const uri of out.match(/"uri": "src\/[^"]*"/g) ?? []) assert.ok(!/[#?]|%(?![0-9A-F]{2})/.test(uri.slice(7)), uri);
    });
  }

  it('code spans outlast any backtick run; a branch name cannot leave its span or ping', () => {
    const branch = 'feat/`x` @everyone ``` y';
    const span = codeSpan(branch);
    assert.equal(span, '````feat/`x` @everyone ``` y````');
    assert.equal(codeSpan('`x'), '`` `x ``', 'padded when it starts with a backtick');
    const dod: DodResult = {
      version: 1, branch, base: 'main\x1b[2J', mergeBase: 'a'.repeat(40), head: 'b'.repeat(40), done: false,
      items: [{ id: 'x', title: '@org/team <b>', signoffs: 0, state: 'fail', evidence: [{ file: 'src/#a?.ts', line: 2, text: '![t](http://x.example/p)' }] }],
    } as unknown as DodResult;
    const md = formatDodMarkdown(dod, { blob: 'https://github.com/o/r/blob/cafe/' });
    assert.ok(md.includes(`Branch ${span} against`), md);
    assert.ok(!md.includes('\x1b') && !md.includes('<b>') && !md.includes('![') && !md.includes('@org/'), md);
    assert.ok(md.includes('](https://github.com/o/r/blob/cafe/src/%23a%3F.ts#L2)'), md);
    assert.ok(!formatDodTable(dod).includes('\x1b'));
    assert.equal(markdownText('a\\|b'), 'a&#92;&#124;b', 'a TODO\'s own \\| cannot become \\\\| (a cell break)');
  });
});
