import { escapeRegExp } from './regex';
import type { DirectiveMatcher } from './suppressionDirectives';

/**
 * A cheap test on raw text: false means the file cannot hold an item, so it need not be parsed.
 * It is a superset of what the parser accepts: any whole-word tag, any enabled suppression directive
 * written on one line (the parser reads directives per comment line).
 *
 * One regex alternating every tag (`\bTODO\b`) and directive was a fifth of a marker-only scan (it
 * runs over every byte of every file, and V8 cannot skip ahead in a 20-way case-insensitive
 * alternation). Instead one short alternation of anchors runs: the tags without `\b` (checked at each
 * hit) and a few substrings that every directive contains (`disable`, `ignore`, `@ts-`); only around an
 * anchor hit, on its line, does the full directive regex run. Same answers (test/unit/prefilter.test.ts).
 */
export function createPrefilter(tags: readonly string[], directives: DirectiveMatcher | null, options: PrefilterOptions = {}): (text: string) => boolean {
  return compilePrefilter(tags, directives, options).text;
}

/** The prefilter on a text, and the same test on undecoded bytes read as Latin-1 (see `bytes`). */
export interface Prefilter {
  text: (text: string) => boolean;
  /**
   * `text(bytes.toString('latin1'))`, the same answer, without the string for most files: the anchors are
   * looked for in the bytes themselves (`byteAnchorSearch`), and the Latin-1 string is made only once one
   * is found, for the exact tests around it. Most files hold no anchor at all (9,623 of the 10,505 bench
   * files): neither a copy of their bytes as a string nor the case-insensitive alternation runs over them.
   */
  bytes: (bytes: Buffer) => boolean;
}

export function compilePrefilter(tags: readonly string[], directives: DirectiveMatcher | null, options: PrefilterOptions = {}): Prefilter {
  // Each tag as a sticky case-insensitive regex: the same letter matching as the anchor alternation's.
  const tagAt = [...new Set(tags)].map((t) => ({ re: new RegExp(escapeRegExp(t), 'iy'), length: t.length, tag: t }));
  const strict = options.afterPunctuation === true;
  const directiveTags = directives?.prefilterSource ? directives.prefilterTags : [];
  const directive = directives?.prefilterSource ? new RegExp(directives.prefilterSource, 'i') : null;
  const directiveAnchorList = directive ? directiveAnchors(directiveTags) : [];
  const anchorAt = directiveAnchorList.map((a) => ({ re: new RegExp(escapeRegExp(a), 'iy'), length: a.length }));
  // The most non-blank characters a directive match holds: the window around an anchor to test.
  const reach = Math.max(0, ...directiveTags.map((d) => d.replace(/\s+/g, '').length));
  const all = [...tags, ...directiveAnchorList];
  if (all.length === 0) return { text: () => false, bytes: () => false };
  /** Whether a tag or a directive passes the exact test at an anchor's start. */
  const passesAt = (text: string, start: number, line: LineScan | null): boolean => {
    // `\bTAG\b` for every tag written here (`FOO` and `FOO-BAR` may both start at one place).
    for (const t of tagAt) if (wholeWordAt(text, start, t.re, t.length) && (!line || mayStartMarker(text, start, t.tag, line))) return true;
    if (directive) {
      for (const a of anchorAt) {
        a.re.lastIndex = start;
        if (a.re.test(text) && directive.test(text.slice(windowStart(text, start, reach), windowEnd(text, start + a.length, reach)))) return true;
      }
    }
    return false;
  };
  // One pass over the text finds every place where a tag or a directive anchor starts (they used to be
  // two passes, and most files fail both); each kind is then checked at that place.
  const anchors = new RegExp(all.map(escapeRegExp).join('|'), 'gi');
  const text = (t: string): boolean => {
    anchors.lastIndex = 0;
    const line = strict ? new LineScan(t) : null;
    for (let m = anchors.exec(t); m; m = anchors.exec(t)) {
      if (passesAt(t, m.index, line)) return true;
      // Overlapping occurrences (`XXX` in `XXXX`): go on from the next character.
      anchors.lastIndex = m.index + 1;
    }
    return false;
  };
  const search = byteAnchorSearch(all);
  if (!search) return { text, bytes: (b) => text(b.toString('latin1')) };
  const bytes = (b: Buffer): boolean => {
    let t: string | null = null;
    let line: LineScan | null = null;
    // The regex's hits, in order: every place where an anchor starts (overlapping ones too).
    for (let start = search(b, 0); start >= 0; start = search(b, start + 1)) {
      if (t === null) {
        t = b.toString('latin1');
        line = strict ? new LineScan(t) : null;
      }
      if (passesAt(t, start, line)) return true;
    }
    return false;
  };
  return { text, bytes };
}

/** ASCII upper-case letters to lower case, every other byte itself: the regex's `i` on ASCII anchors. */
const FOLD = Uint8Array.from({ length: 256 }, (_, b) => (b >= 65 && b <= 90 ? b + 32 : b));

/**
 * The next place, from `from` on, where one of the anchors starts in bytes read as Latin-1, matched as
 * the case-insensitive anchor alternation matches it there; -1 when there is none. A table of every
 * anchor's first two bytes (each letter in both cases) rejects almost every place with one lookup.
 * Anchors of ASCII characters, two or more of them (tags are words, directive anchors 3+ characters): for
 * ASCII the regex's case folding is exactly ASCII letter case, and no other Latin-1 character folds to
 * an ASCII one. Any other anchor list: null (the caller tests the Latin-1 string instead).
 */
export function byteAnchorSearch(anchors: readonly string[]): ((bytes: Uint8Array, from: number) => number) | null {
  // eslint-disable-next-line no-control-regex -- any character outside ASCII
  if (anchors.length === 0 || anchors.some((a) => a.length < 2 || /[^\x00-\x7f]/.test(a))) return null;
  const folded = [...new Set(anchors.map((a) => a.toLowerCase()))].map((a) => Uint8Array.from(a, (ch) => ch.charCodeAt(0)));
  const cases = (c: number): number[] => (c >= 97 && c <= 122 ? [c, c - 32] : [c]);
  /** Per first two bytes, an index into `buckets` (0: no anchor starts so). */
  const index = new Uint16Array(65536);
  const buckets: Uint8Array[][] = [[]];
  for (const a of folded) {
    for (const c0 of cases(a[0]!)) {
      for (const c1 of cases(a[1]!)) {
        const key = (c0 << 8) | c1;
        if (index[key] === 0) {
          index[key] = buckets.length;
          buckets.push([]);
        }
        buckets[index[key]!]!.push(a);
      }
    }
  }
  /** Whether an anchor starts at `i` (`i + 1` is inside `b`). */
  const startsAt = (b: Uint8Array, i: number): boolean => {
    const k = index[(b[i]! << 8) | b[i + 1]!]!;
    if (k === 0) return false;
    for (const a of buckets[k]!) {
      if (i + a.length > b.length) continue;
      let j = 2;
      while (j < a.length && FOLD[b[i + j]!] === a[j]) j++;
      if (j === a.length) return true;
    }
    return false;
  };
  if (folded.some((a) => a.length < 3)) {
    return (b, from) => {
      for (let i = from; i + 1 < b.length; i++) if (index[(b[i]! << 8) | b[i + 1]!] !== 0 && startsAt(b, i)) return i;
      return -1;
    };
  }
  // Anchors of 3+ bytes: an anchor starting at s holds its first two bytes at s and its second and third
  // at s + 1, and one of s, s + 1 has the parity of `from`. So only every other place is looked at, for
  // both: 1 = an anchor's first two bytes start here, 2 = an anchor's second and third bytes do.
  const sample = new Uint8Array(65536);
  for (const a of folded) {
    for (const c0 of cases(a[0]!)) for (const c1 of cases(a[1]!)) sample[(c0 << 8) | c1]! |= 1;
    for (const c1 of cases(a[1]!)) for (const c2 of cases(a[2]!)) sample[(c1 << 8) | c2]! |= 2;
  }
  return (b, from) => {
    for (let p = from; p + 1 < b.length; p += 2) {
      const t = sample[(b[p]! << 8) | b[p + 1]!]!;
      if (t === 0) continue;
      // The earlier start first: the hits come in order.
      if ((t & 2) !== 0 && p > from && startsAt(b, p - 1)) return p - 1;
      if ((t & 1) !== 0 && startsAt(b, p)) return p;
    }
    return -1;
  };
}

export interface PrefilterOptions {
  /**
   * Every comment opener of the language ends in a non-word character (`//`, `#`, `--`, `<!--`, never
   * `REM`), so a tag can start a comment line's text only after punctuation, a blank run or the line
   * start: a whole-word tag right after a word (`a bug in`, `x = todo`) is then a marker only as the
   * parser's `TAG:`, `TAG(` / `TAG (` (in the configured case) or after a JSDoc-style `@` on its line.
   * See `mayStartMarker`.
   */
  afterPunctuation?: boolean;
}

/**
 * Where the nearest `@` and line break before a position are, for positions visited in increasing order
 * (the tag hits of one text): one forward pass over the text in all, however many hits a long line holds.
 */
class LineScan {
  private scanned = 0;
  private lastAt = -1;
  private lastBreak = -1;
  constructor(private readonly text: string) {}
  /** Whether an `@` stands before `pos` on its line. */
  atBefore(pos: number): boolean {
    // Locals in the loop, the fields written once after it: a field store inside a branch that had not
    // run yet threw V8's optimised code away (4-5 times per bench run, each time compiled again).
    const text = this.text;
    let lastAt = this.lastAt;
    let lastBreak = this.lastBreak;
    let i = this.scanned;
    for (; i < pos; i++) {
      const c = text.charCodeAt(i);
      if (c === 64) lastAt = i;
      else if (c === 10 || c === 13) lastBreak = i;
    }
    this.scanned = i;
    this.lastAt = lastAt;
    this.lastBreak = lastBreak;
    return lastAt > lastBreak;
  }
}

/**
 * Whether a whole-word tag at `start` can be read as a marker by `markerParser.ts`, for a language whose
 * comment openers all end in a non-word character. The parser finds a tag (a) at the start of a comment
 * line's text (`tagAtStart`): on the raw line only the opener, decoration (`*`, `!`, `#`...) and blanks
 * stand before it, so the nearest non-blank character before it is not a word character; (b) inside the
 * text as `TAG:`, `TAG(` or `TAG (` in the configured case (`tagInLine`); (c) after a JSDoc tag on a line
 * whose text starts with `@` (`tagInDocTag`, configured case); (d) in a directive's reason, where the
 * directive half of the prefilter fires. Blanks here are only space and tab, and any non-ASCII character
 * after the tag counts as a possible blank: both err towards keeping the file.
 */
function mayStartMarker(text: string, start: number, tag: string, line: LineScan): boolean {
  let i = start - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  if (i < 0 || !isWordChar(text.charCodeAt(i))) return true;
  if (!text.startsWith(tag, start)) return false;
  const end = start + tag.length;
  // Reads in bounds only (past the end: no character, as NaN compares).
  const c = end < text.length ? text.charCodeAt(end) : -1;
  if (c === 58 /* : */ || c === 40 /* ( */ || c >= 0x80) return true;
  if ((c === 32 || c === 9 || c === 11 || c === 12) && end + 1 < text.length && text.charCodeAt(end + 1) === 40) return true;
  return line.atBefore(start);
}

/**
 * Substrings (at least 3 characters, no blank) such that every directive holds one: chosen greedily,
 * most directives covered first, then the longest. For the JS/TS table: `disable`, `ignore`, `@ts-`.
 */
export function directiveAnchors(directives: readonly string[]): string[] {
  // A few milliseconds per list, asked for by every matcher and prefilter of every language.
  const key = directives.join('\n');
  let anchors = anchorCache.get(key);
  if (!anchors) anchorCache.set(key, (anchors = chooseAnchors(directives)));
  return [...anchors];
}

const anchorCache = new Map<string, readonly string[]>();

function chooseAnchors(directives: readonly string[]): string[] {
  const uncovered = new Set(directives.map((d) => d.toLowerCase()));
  const anchors: string[] = [];
  while (uncovered.size > 0) {
    const counts = new Map<string, number>();
    for (const d of uncovered) {
      const subs = new Set<string>();
      for (const seg of d.split(/\s+/)) {
        const min = Math.min(3, seg.length);
        for (let i = 0; i < seg.length; i++) for (let j = i + min; j <= seg.length; j++) subs.add(seg.slice(i, j));
      }
      for (const sub of subs) counts.set(sub, (counts.get(sub) ?? 0) + 1);
    }
    let best = '';
    let bestCount = 0;
    for (const [sub, n] of counts) if (n > bestCount || (n === bestCount && sub.length > best.length) || (n === bestCount && sub.length === best.length && sub < best)) [best, bestCount] = [sub, n];
    if (best === '') break;
    anchors.push(best);
    for (const d of [...uncovered]) if (d.split(/\s+/).some((seg) => seg.includes(best))) uncovered.delete(d);
  }
  return anchors;
}

/** Whether a tag (its sticky regex, its length) is written at `start` with a regex's `\b` at both ends. */
function wholeWordAt(text: string, start: number, tag: RegExp, length: number): boolean {
  const end = start + length;
  tag.lastIndex = start;
  if (!tag.test(text)) return false;
  // Past either end is not a word character; read in bounds only (a read past the end deoptimised V8's code once per run).
  const before = start > 0 && isWordChar(text.charCodeAt(start - 1));
  const after = end < text.length && isWordChar(text.charCodeAt(end));
  return before !== isWordChar(text.charCodeAt(start)) && isWordChar(text.charCodeAt(end - 1)) !== after;
}

/** `\w` of a regex without the `u` flag (NaN, past either end, is not). */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13;
}

/** `\s` other than a line break: a directive's blanks. */
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Back from `at` over at most `reach` non-blank characters (blanks are free), never past a line break. */
function windowStart(text: string, at: number, reach: number): number {
  let i = at;
  for (let left = reach; i > 0 && !isLineBreak(text.charCodeAt(i - 1));) {
    if (!isBlank(text.charCodeAt(i - 1))) {
      if (left === 0) break;
      left--;
    }
    i--;
  }
  return i;
}

/** Forward from `at` likewise. */
function windowEnd(text: string, at: number, reach: number): number {
  let i = at;
  for (let left = reach; i < text.length && !isLineBreak(text.charCodeAt(i));) {
    if (!isBlank(text.charCodeAt(i))) {
      if (left === 0) break;
      left--;
    }
    i++;
  }
  return i;
}
