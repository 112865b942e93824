import type { CommentRange } from '../scan/commentRange';

/*
 * A comment lexer for TS/JS that needs no syntax tree: strings, template literals (with `${}` nesting)
 * and regex literals are skipped, and `/` is read as a regex or a division from the token before it,
 * as the compiler's scanner is told by its parser. Whatever it cannot decide (JSX, a regex or string
 * running into a line break, an unterminated template) returns null and the caller parses the file.
 * Checked against the compiler on every TS/JS file of the bench corpus (test/unit/jsLexer.test.ts).
 */

/** After these words an expression starts, so `/` opens a regex. */
const EXPRESSION_KEYWORDS = ['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await', 'extends'];
/** `if (...) /re/.test(x)`: after these keywords' parentheses an expression starts. */
const CONTROL_KEYWORDS = ['if', 'while', 'for', 'with'];

const enum Word {
  Other,
  /** An expression starts after it. */
  Expression,
  /** `if`, `while`, `for`, `with`. */
  Control,
}

/** Keywords by first letter (a-z), so a word is looked up without cutting it out of the text. */
const KEYWORDS_BY_LETTER: { word: string; kind: Word }[][] = Array.from({ length: 26 }, () => []);
for (const word of EXPRESSION_KEYWORDS) KEYWORDS_BY_LETTER[word.charCodeAt(0) - 97]!.push({ word, kind: Word.Expression });
for (const word of CONTROL_KEYWORDS) KEYWORDS_BY_LETTER[word.charCodeAt(0) - 97]!.push({ word, kind: Word.Control });

/** What the identifier `text[i, j)` is (its first character is a lower-case letter). */
function wordAt(text: string, i: number, j: number): Word {
  const length = j - i;
  for (const k of KEYWORDS_BY_LETTER[text.charCodeAt(i) - 97]!) if (k.word.length === length && text.startsWith(k.word, i)) return k.kind;
  return Word.Other;
}

const enum Prev {
  /** Start, an operator or an opening bracket: `/` opens a regex. */
  Operator,
  /** An identifier, literal or closing bracket: `/` divides. */
  Value,
}

function isIdentifierChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c > 127;
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

/**
 * Every branch of the lexer on one small text: keywords, numbers, `++`, regex and division, strings,
 * nested templates, JSX, decorators, non-Latin-1 text (one- and two-byte strings), the shebang.
 */
const WARM_UP = `#!/usr/bin/env node
// line
/* block */ /** doc */ x = 1 /* after a value */ / 2;
const a = 1 / 2 / (3); let b = /re[/\\]]+\\/x/gi.test("s\\"q" + 's\\'q'); c = x++ / 2; d = --y / 3; e = .5 + 0x1F + 1e-3 + 1_000n + 2.5E+3;
if (a) /x/.test(b); while (c) {} for (;;) {} return typeof a === 'x' ? [1][0] / 2 : void 0;
const t = \`a\${b + \`c\${{ d: 1 }.d}\`}e\\\` \`; @dec class K { #p = 1; m() { return this.#p < 2 && a > b; } } x = y < z;
a = b - c + d * e % f ** g & h | i ^ ~j, !k; l += 1; m -= 1; n?.o ?? p; q => r; new X; delete a.b; throw e; await 1; yield 2; in of instanceof do else with extends case
u = "\u00e9" /* \u00e9 */ // \u00fc
`;
const WARM_UP_WIDE = `${WARM_UP}v = "\u2192" /* \u2192 */ // \u2192\n`;
let warmedUp = false;

/**
 * Runs every branch once before the first file. The lexer is one long loop that a scan enters with a
 * large file: V8 optimises it while it runs, and every branch that had not run yet (a template's `\${`,
 * `x++ / 2`) later threw the optimised code away ("insufficient type feedback"), six times on the bench
 * corpus, each time back to the interpreter and another 65-150 ms compile. Warmed up, the first pass
 * over the 10.6 MB of TS/JS that pass the prefilter took 120-200 ms instead of 577 ms (warm: 70-120 ms).
 */
function warmUp(): void {
  warmedUp = true;
  for (let k = 0; k < 3; k++) {
    lex(WARM_UP, true, false);
    lex(WARM_UP_WIDE, false, false);
    lex(WARM_UP.slice(0, -12), false, true);
    for (const give of ['x = <ab', '`${', '"a\n', 'x = /a\n']) lex(give, true, false);
  }
}

let prepared = false;

/**
 * For a scan of many files, before it lists them: the warm-up, then the same small texts again until V8
 * optimises the lexer (about 20,000 characters lexed, ~5 ms), so the optimised code is compiled on a
 * background thread while the folder is listed and is there for the first file. Warmed up only on the
 * first file, a large file ran the loop unoptimised until V8 compiled it twice at once, for that running
 * call (on-stack replacement) and for the next calls: 2 x 95-105 ms of compile on the bench corpus, one
 * of them wasted, and the first 1-2 MB lexed unoptimised. Later calls are free.
 */
export function prepareScriptLexer(): void {
  if (prepared) return;
  prepared = true;
  if (!warmedUp) warmUp();
  for (let k = 0; k < 8; k++) {
    lex(WARM_UP, true, false);
    lex(WARM_UP_WIDE, false, false);
  }
}

/** Comments of a TS/JS text, or null when a lexer alone cannot be sure (the caller then parses). */
export function lexScriptComments(fileName: string, text: string): CommentRange[] | null {
  if (!warmedUp) warmUp();
  return lex(text, /\.[jt]sx$/i.test(fileName) ? null : !/\.[cm]?ts$/i.test(fileName), false);
}

/**
 * The same pass, never giving up: for a file the compiler cannot parse (nested too deeply for its
 * recursive parser). Where the lexer alone is unsure it reads on as best it can: a string or regex ends
 * at its line break, an unterminated template at the end of the file, `<div` is an operator.
 */
export function lexScriptCommentsBestEffort(text: string): CommentRange[] {
  if (!warmedUp) warmUp();
  return lex(text, false, true)!;
}

/** `jsx`: whether `<div` may open JSX (null: the file is JSX, give up at once); `bestEffort`: never null. */
function lex(text: string, jsx: boolean | null, bestEffort: boolean): CommentRange[] | null {
  if (jsx === null) return null;
  // Only .ts files cannot hold JSX: elsewhere `<div` where an expression starts means JSX text follows.
  const mayHoldJsx = jsx;
  const n = text.length;
  const out: CommentRange[] = [];
  /** Open braces: true for a template's `${`, false for a block or object. */
  const braces: boolean[] = [];
  /** Open parentheses: true when a control keyword came before. */
  const parens: boolean[] = [];
  let prev = Prev.Operator;
  let lastWord = Word.Other;
  let i = text.startsWith('#!') ? text.indexOf('\n') : 0;
  if (i < 0) return out;

  /** Scans template text from `i` (just after the backtick or `}`); returns the index after it, or -1. */
  const template = (from: number): number => {
    for (let j = from; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === 92 /* \ */) j++;
      else if (c === 96 /* ` */) return j + 1;
      else if (c === 36 /* $ */ && text.charCodeAt(j + 1) === 123 /* { */) {
        braces.push(true);
        return -(j + 2) - 2;
      }
    }
    return -1;
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    if (c === 47 /* / */) {
      const next = text.charCodeAt(i + 1);
      if (next === 47) {
        // To the line break, as the compiler reads one: \n, \r (alone too), U+2028, U+2029.
        let end = i + 2;
        while (end < n && !isLineBreak(text.charCodeAt(end))) end++;
        out.push({ pos: i, end, kind: 'line' });
        i = end;
        continue;
      }
      if (next === 42) {
        const close = text.indexOf('*/', i + 2);
        const end = close < 0 ? n : close + 2;
        out.push({ pos: i, end, kind: 'block' });
        i = end;
        continue;
      }
      if (prev === Prev.Operator) {
        // A regex literal: to the unescaped `/` outside a character class, then its flags.
        let j = i + 1;
        let inClass = false;
        for (; j < n; j++) {
          const r = text.charCodeAt(j);
          if (isLineBreak(r)) {
            if (!bestEffort) return null;
            break;
          }
          if (r === 92) j++;
          else if (r === 91) inClass = true;
          else if (r === 93) inClass = false;
          else if (r === 47 && !inClass) break;
        }
        if (j >= n && !bestEffort) return null;
        i = j + 1;
        while (i < n && isIdentifierChar(text.charCodeAt(i))) i++;
        prev = Prev.Value;
        continue;
      }
      i++;
      prev = Prev.Operator;
      continue;
    }
    if (c === 34 || c === 39) {
      let j = i + 1;
      for (; j < n; j++) {
        const s = text.charCodeAt(j);
        if (s === 92) j++;
        else if (s === c) break;
        else if (s === 10 || s === 13) {
          if (!bestEffort) return null;
          break;
        }
      }
      if (j >= n && !bestEffort) return null;
      i = j + 1;
      prev = Prev.Value;
      continue;
    }
    if (c === 96 || (c === 125 /* } */ && braces.at(-1) === true)) {
      if (c === 125) braces.pop();
      const r = template(i + 1);
      if (r === -1) return bestEffort ? out : null;
      if (r >= 0) {
        i = r;
        prev = Prev.Value;
      } else {
        i = -(r + 2);
        prev = Prev.Operator;
      }
      continue;
    }
    if (isIdentifierChar(c) || c === 35 /* # */ || c === 64 /* @ */) {
      let j = i + 1;
      while (j < n && isIdentifierChar(text.charCodeAt(j))) j++;
      // Keywords are 2 to 10 lower-case letters, looked up in place (no string cut per identifier).
      const word = c >= 97 && c <= 122 && j - i <= 10 ? wordAt(text, i, j) : Word.Other;
      const isNumber = c >= 48 && c <= 57;
      if (isNumber) {
        // 1.5e-3, 0x1F, 1_000n: digits, letters, `.`, and a sign after an exponent.
        const hex = text.charCodeAt(i + 1) === 120 || text.charCodeAt(i + 1) === 88;
        while (j < n && (isIdentifierChar(text.charCodeAt(j)) || text.charCodeAt(j) === 46 || ((text.charCodeAt(j) === 43 || text.charCodeAt(j) === 45) && (text.charCodeAt(j - 1) | 32) === 101 && !hex))) j++;
      }
      prev = !isNumber && (word === Word.Expression || c === 64) ? Prev.Operator : Prev.Value;
      lastWord = word;
      i = j;
      continue;
    }
    if (c === 46 /* . */ && text.charCodeAt(i + 1) >= 48 && text.charCodeAt(i + 1) <= 57) {
      // .5: a number.
      i++;
      continue;
    }
    switch (c) {
      case 123: // {
        braces.push(false);
        prev = Prev.Operator;
        break;
      case 125: // } of a block or object: a statement may follow.
        braces.pop();
        prev = Prev.Operator;
        break;
      case 40: // (
        parens.push(lastWord === Word.Control && prev === Prev.Value);
        prev = Prev.Operator;
        break;
      case 41: // )
        prev = parens.pop() === true ? Prev.Operator : Prev.Value;
        break;
      case 93: // ]
        prev = Prev.Value;
        break;
      case 60: // <
        if (mayHoldJsx && prev === Prev.Operator) {
          const next = text.charCodeAt(i + 1);
          if (next === 62 || (next >= 65 && next <= 90) || (next >= 97 && next <= 122)) return null;
        }
        prev = Prev.Operator;
        break;
      case 43: // +
      case 45: // -
        if (text.charCodeAt(i + 1) === c) {
          // x++ / 2: postfix, a value came before.
          i += 2;
          prev = Prev.Value;
          continue;
        }
        prev = Prev.Operator;
        break;
      default:
        prev = Prev.Operator;
    }
    lastWord = Word.Other;
    i++;
  }
  return braces.includes(true) && !bestEffort ? null : out;
}
