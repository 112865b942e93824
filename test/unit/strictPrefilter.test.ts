import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultConfig, type DebtLedgerConfig } from '../../src/core/config/config';
import { resolveConfig } from '../../src/core/config/resolveConfig';
import { BUILTIN_LANGUAGES, createRegistry, SCRIPT_FALLBACK } from '../../src/core/languages/registry';
import { openersEndNonWord } from '../../src/core/languages/openers';
import { createPrefilter } from '../../src/core/scan/prefilter';
import { createTextScanner, scanText, type TextScanner } from '../../src/core/scan/textScan';

const TAGS = ['TODO', 'FIXME', 'HACK', 'XXX', 'BUG', 'DEBT'];

/** The scanner as configured, and the same scanner with no prefilter at all (every text lexed and parsed). */
function scanners(config: DebtLedgerConfig): { strict: TextScanner; open: TextScanner } {
  const strict = createTextScanner(config);
  return { strict, open: { ...strict, mayContain: () => true, mayContainBytes: () => true } };
}

describe('strict prefilter: a tag right after a word only as TAG:, TAG( or after @', () => {
  const strict = createPrefilter(TAGS, null, { afterPunctuation: true });
  const loose = createPrefilter(TAGS, null);

  it('rejects prose hits the parser cannot read, keeps every form it can', () => {
    const cases: [string, boolean][] = [
      ['a bug in the parser', false], ['x todo;', false], ['x = todo;', true], ['fixes a Bug', false], ['the xxx of', false], ['a bug: x', false], ['a todo(x)', false],
      ['// bug here', true], ['/* TODO */', true], ['# todo', true], ['-- hack', true], ['<!-- fixme -->', true], [' * bug', true], ['*bug', true],
      ['bug at the line start', true], ['x\n  todo', true], ['x\r\ttodo', true], ['a\u00a0bug', true], ['é bug', true], ['(TODO)', true], ['"BUG"', true],
      ['a BUG: x', true], ['a TODO(ann): x', true], ['a HACK (x)', true], ['a HACK\t(x)', true], ['a HACK  (x)', false], ['a TODO\u00a0(x)', true],
      ['@param x the BUG', true], ['@param x the bug', false], ['@ x\nthe BUG', false], ['x @ y the TODO z', true], ['email@x.org TODO', true],
    ];
    for (const [text, want] of cases) {
      assert.equal(strict(text), want, JSON.stringify(text));
      // Never more than the loose test keeps.
      if (want) assert.equal(loose(text), true, JSON.stringify(text));
    }
    assert.equal(createPrefilter(['FOO', 'FOO-BAR'], null, { afterPunctuation: true })('a FOO-BAR: x'), true);
    assert.equal(createPrefilter(['FOO', 'FOO-BAR'], null, { afterPunctuation: true })('a FOO-BAR x'), false);
    assert.equal(createPrefilter(['todo'], null, { afterPunctuation: true })('a todo: x'), true, 'the configured case');
  });

  it('is used only where every comment opener ends in punctuation', () => {
    const loose = BUILTIN_LANGUAGES.filter((l) => !openersEndNonWord(l)).map((l) => l.id);
    assert.deepEqual(loose, ['ruby'], '=begin ends in a letter');
    const registry = createRegistry([{ id: 'batch', extensions: ['.bat'], comments: [{ open: 'REM' }, { open: '::' }], strings: [], suppressions: [] }]);
    assert.equal(registry.frontEndFor('a.bat')?.openersEndNonWord, false);
    for (const f of ['a.ts', 'a.jsx', 'a.py', 'a.sql', 'a.lua', 'a.php', 'Makefile', 'a.md', 'a.yaml']) assert.equal(registry.frontEndFor(f)?.openersEndNonWord, true, f);
    // A `<style lang="ruby">` block reads Ruby comments: components stay on the loose test.
    assert.equal(registry.frontEndFor('a.vue')?.openersEndNonWord, false);
    assert.equal(registry.frontEndFor('a.rb')?.openersEndNonWord, false);
    for (const [file, text] of [['a.rb', '=begin TODO fix\n=end\n'], ['a.bat', 'echo x\nREM TODO fix\n']] as const) {
      const config = resolveConfig({ languages: { batch: { extensions: ['.bat'], lineComment: 'REM' } } }).config;
      assert.equal(scanText(createTextScanner(config), file, text).items.length, 1, file);
    }
  });

  it('never rejects a text that yields an item (random texts through the real scanner, every kind of front-end)', () => {
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      // The high bits: the low bits of this generator repeat with a short period.
      return Math.floor((seed / 2147483648) * n);
    };
    const pieces = ['TODO', 'todo', 'Todo', 'BUG', 'bug', 'FixMe', 'XXX', 'hack', 'DEBT', 'a', 'the', 'x_1', 'fix', 'of', 'and',
      ' ', ' ', ' ', '  ', '\t', '\n', '\n', '\r\n', ':', '(', ' (', '@', '@param ', '@deprecated ', '*', ' * ', '-', '!', '.', ',', '"', "'", '`', '=', ';', '{', '}', '${', '/', '\u00a0', 'é', '\u2028',
      '//', '/*', '*/', '/**', '#', '##', '--', '---', '<!--', '-->', '{/*', '*/}', '--[[', ']]', '<#', '#>', '"""', "'''", '<script>', '</script>', '<style>', '</style>', '=begin', '=end', 'REM ',
      '@ts-ignore', 'eslint-disable-next-line', 'noqa', '# type: ignore', 'nolint', '// ', '# ', '\n * ', '-- ', '<!-- '];
    const pick = (xs: readonly string[]): string => xs[rand(xs.length)]!;
    const OPENERS = ['//', '///', '/*', '/**', ' * ', '#', '##', '--', '<!--', '{/*', '--[[', '<#', '=begin', 'REM ', '::', '', '"', '`'];
    const WORDS = ['a', 'the', 'x_1', 'fix', 'of', 'and', '@param', '@deprecated', 'e-mail', 'ok.'];
    const TAGS_ANY_CASE = ['TODO', 'todo', 'Todo', 'BUG', 'bug', 'FixMe', 'FIXME', 'XXX', 'hack', 'DEBT', 'note', 'NOTE', 'FOO-BAR', 'FOO'];
    const files = ['a.ts', 'a.js', 'a.py', 'a.sql', 'a.html', 'a.vue', 'a.svelte', 'a.md', 'a.yaml', 'a.sh', 'a.css', 'a.scss', 'a.lua', 'a.rs', 'a.php', 'Dockerfile', 'a.tf', 'a.ps1', 'a.ex', 'a.rb', 'a.go', 'a.json', 'a.xml', 'a.toml', 'Makefile', 'a.bat'];
    const configs = [defaultConfig(), { ...defaultConfig(), suppressions: false }, resolveConfig({ tags: ['TODO', 'note', 'FOO-BAR'], languages: { batch: { extensions: ['.bat'], lineComment: ['REM', '::'] } } }).config];
    let rejectedByStrictOnly = 0;
    let withItems = 0;
    for (const config of configs) {
      const { strict, open } = scanners(config);
      const loose = createPrefilter(config.tags, null);
      for (let i = 0; i < 1500; i++) {
        let text = '';
        if (i % 2 === 0) for (let k = 4 + rand(14); k >= 0; k--) text += pieces[rand(pieces.length)];
        else {
          // Comment-like lines: an opener, then words and tags with what may follow a tag.
          for (let line = rand(2); line >= 0; line--) {
            text += pick(['', 'x = 1; ', '  ', 'a']) + pick(OPENERS) + pick(['', ' ', '  ', '!', '*']);
            for (let k = rand(4); k >= 0; k--) text += pick(['', ' ', '\t', ' ', '@x ']) + (rand(2) ? pick(WORDS) : pick(TAGS_ANY_CASE) + pick(['', ':', '(a)', ' (a)', '\t(a)', '  (a)', '-', '!', '.']));
            text += pick(['', ' */', ' -->', ' */}', ' #>', ' ]]']) + pick(['\n', '\r\n', '\n\n']);
          }
        }
        for (const file of files) {
          const fe = strict.languages.frontEndFor(file) ?? SCRIPT_FALLBACK;
          if (strict.mayContain(text, fe)) {
            if (scanText(strict, file, text).items.length > 0) withItems++;
            continue;
          }
          const items = scanText(open, file, text).items;
          assert.deepEqual(items, [], `${file} ${JSON.stringify(text)}`);
          if (loose(text)) rejectedByStrictOnly++;
        }
      }
    }
    // The test means something: many texts only the strict test rejects, many that yield items.
    assert.ok(rejectedByStrictOnly > 1000, `${rejectedByStrictOnly} texts rejected by the strict test alone`);
    assert.ok(withItems > 1000, `${withItems} texts with items`);
  });
});
