import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { byteAnchorSearch, compilePrefilter, createPrefilter, directiveAnchors } from '../../src/core/scan/prefilter';
import { escapeRegExp } from '../../src/core/scan/regex';
import { createDirectiveMatcher, languageDirectives } from '../../src/core/scan/suppressionDirectives';

/** The prefilter's definition: any `\bTAG\b` (case-insensitive), or an enabled directive's regex on one line. */
function reference(tags: readonly string[], source: string | null): (text: string) => boolean {
  const tagRe = tags.length > 0 ? new RegExp(tags.map((t) => `\\b${escapeRegExp(t)}\\b`).join('|'), 'i') : null;
  const dirRe = source ? new RegExp(source, 'i') : null;
  return (text) => !!tagRe?.test(text) || (!!dirRe && text.split(/\r\n|\r|\n/).some((line) => dirRe.test(line)));
}

const TAGS = ['TODO', 'FIXME', 'HACK', 'XXX', 'BUG', 'DEBT'];

describe('prefilter: anchors, then the exact test around them', () => {
  const js = createDirectiveMatcher();
  const python = createDirectiveMatcher(() => true, languageDirectives('python', ['noqa', 'type: ignore', 'pylint: disable', 'pyright: ignore', 'mypy: ignore-errors']));

  it('picks anchors that every directive holds', () => {
    assert.deepEqual(directiveAnchors(js.prefilterTags), ['ignore', 'disable', '@ts-']);
    for (const d of python.prefilterTags) assert.ok(directiveAnchors(python.prefilterTags).some((a) => d.includes(a)), d);
  });

  it('reads tags as whole words in any case, directives with their blanks on one line', () => {
    const p = createPrefilter(TAGS, js);
    const cases: [string, boolean][] = [
      ['// todo later', true], ['debug only', false], ['BUGS', false], ['a_TODO', false], ['XXXX', false], ['(XXX)', true], ['fixme!', true],
      ['/* istanbul   ignore next */', true], ['istanbul\u00a0ignore', true], ['istanbul\nignore', false], ['ignoreCase: true', false],
      ['// ESLINT-DISABLE-line', true], ['@ts-ignore', true], ['c8\tignore start', true], ['v8ignore', false], ['', false],
    ];
    for (const [text, want] of cases) assert.equal(p(text), want, JSON.stringify(text));
    // Tags that start at one place: the shorter one counts where the longer one does not end a word.
    assert.equal(createPrefilter(['FOO-BAR', 'FOO'], null)('FOO-BARX'), true);
    assert.equal(createPrefilter(['@todo'], null)('x@todo'), true);
    assert.equal(createPrefilter(['@todo'], null)(' @todo'), false);
    assert.equal(createPrefilter([], null)('TODO'), false);
  });

  it('answers as the definition does on random texts (tags, directives, blanks, line breaks, non-ASCII)', () => {
    let seed = 12;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pieces = ['todo', 'TODO', 'Bug', 'debug', 'xx', 'X', 'fix', 'me', 'FIXME', 'debt', 'hack', 'istanbul', 'ignore', 'c8', 'v8', 'eslint', '-disable', 'tslint:', 'disable', '@ts-', 'nocheck', 'type:', 'noqa', 'pylint: disable', 'mypy', ' ignore-errors',
      ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2028', 'é', '_', '-', ':', 'a', '1', '(', '/'];
    for (const [tags, matcher] of [[TAGS, js], [TAGS, python], [['TODO', 'XX'], js], [[], python]] as const) {
      const p = createPrefilter(tags, matcher);
      const ref = reference(tags, matcher.prefilterSource);
      for (let i = 0; i < 4000; i++) {
        let text = '';
        for (let k = rand(8); k >= 0; k--) text += pieces[rand(pieces.length)];
        assert.equal(p(text), ref(text), JSON.stringify(text));
      }
    }
  });
});

describe('prefilter on undecoded bytes', () => {
  const js = createDirectiveMatcher();
  const python = createDirectiveMatcher(() => true, languageDirectives('python', ['noqa', 'type: ignore', 'pylint: disable', 'pyright: ignore', 'mypy: ignore-errors']));

  it('answers as the prefilter on the Latin-1 string, loose and strict, on random UTF-8 texts', () => {
    let seed = 99;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    // Anchors cut by the text's end, doubled, in every case; bytes above 0x7f (UTF-8 of é, \u00a0, \u2028, ToDo in Cyrillic); `@`.
    const pieces = ['todo', 'TODO', 'ToDo', 'tOD', 'Bug', 'bu', 'debug', 'xx', 'X', 'XXXX', 'fixme', 'FIXM', 'debt', 'DEB', 'hack', 'HaCk', 'istanbul', 'ignore', 'IGNOR', 'c8', 'eslint', '-disable', 'DISABLE', 'disabl', '@ts-', '@TS', '@', 'nocheck', 'noqa', 'NOQA', 'pylint: disable', 'type: ignore',
      ' ', '\t', '\n', '\r\n', '\u00a0', '\u2028', 'é', '\u0422\u041e\u0414\u041e', '\u00ff', '_', '-', ':', 'a', '(', '/', '//', '#', '*'];
    for (const [tags, matcher] of [[TAGS, js], [TAGS, python], [['TODO', 'XX', 'a-b'], js], [[], python], [['TODO'], null]] as const) {
      for (const afterPunctuation of [false, true]) {
        const p = compilePrefilter(tags, matcher, { afterPunctuation });
        for (let i = 0; i < 4000; i++) {
          let text = '';
          for (let k = rand(10); k >= 0; k--) text += pieces[rand(pieces.length)];
          const bytes = Buffer.from(text, 'utf8');
          assert.equal(p.bytes(bytes), p.text(bytes.toString('latin1')), JSON.stringify(text));
        }
      }
    }
  });

  it('finds every place an anchor starts, as the case-insensitive alternation does (2-byte anchors too, and 3+ only: every other place looked at)', () => {
    for (const anchors of [['TODO', 'XX', 'ignore', '@ts-', 'a_b-1'], ['TODO', 'XXX', 'ignore', '@ts-', 'a_b-1', 'BUG', 'debug']]) findsEveryAnchor(anchors);
    // Anchors a byte table cannot take: the caller tests the string.
    assert.equal(byteAnchorSearch(['X']), null);
    assert.equal(byteAnchorSearch(['T\u00d6D\u00d6']), null);
  });

  function findsEveryAnchor(anchors: string[]): void {
    const search = byteAnchorSearch(anchors)!;
    const re = new RegExp(anchors.map(escapeRegExp).join('|'), 'gi');
    let seed = 5;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pieces = ['to', 'DO', 'tOdO', 'x', 'X', 'xxx', 'IGN', 'ore', '@', '@TS-', 'A_B-1', 'a_b', '-1', 'bu', 'G', 'de', 'DEBU', ' ', '\n', 'é', '\u00d8'];
    for (let i = 0; i < 3000; i++) {
      let text = '';
      for (let k = rand(12); k >= 0; k--) text += pieces[rand(pieces.length)];
      const bytes = Buffer.from(text, 'utf8');
      const latin1 = bytes.toString('latin1');
      const want: number[] = [];
      re.lastIndex = 0;
      for (let m = re.exec(latin1); m; m = re.exec(latin1)) {
        want.push(m.index);
        re.lastIndex = m.index + 1;
      }
      const got: number[] = [];
      for (let at = search(bytes, 0); at >= 0; at = search(bytes, at + 1)) got.push(at);
      assert.deepEqual(got, want, JSON.stringify(text));
      // From any place on, the first hit there.
      const from = rand(bytes.length + 1);
      assert.equal(search(bytes, from), want.find((w) => w >= from) ?? -1, `${JSON.stringify(text)} from ${from}`);
    }
  }
});
