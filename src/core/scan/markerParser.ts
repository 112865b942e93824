import type { RawItem } from '../model';
import type { CommentRange } from './commentRange';
import { LineIndex } from './lineIndex';
import { parseMetadata } from './metadata';

/** What a marker parser looks for; build once per configuration with `createMarkerMatcher`. */
export interface MarkerMatcher {
  readonly tagAtStart: RegExp | null;
  readonly tagInLine: RegExp | null;
  readonly suppressions: boolean;
  /** The suppression directives (a language's own list), longest first, at the start of a comment line. */
  readonly suppressionAtStart: RegExp;
  /** Canonical spelling of each directive, by its lower-case, single-spaced form. */
  readonly directiveNames: ReadonlyMap<string, string>;
  /** A superset test on a comment's raw text: false means it yields no item. */
  readonly mayHold: RegExp;
}

/** Suppression markers, longest first so `eslint-disable-next-line` is not read as `eslint-disable`. */
export const SUPPRESSION_MARKERS: readonly string[] = [
  'debt-ledger-ignore',
  'eslint-disable-next-line',
  'eslint-disable-line',
  'eslint-disable',
  '@ts-expect-error',
  '@ts-ignore',
  '@ts-nocheck',
];

/** `type: ignore` also matches `type:ignore`; `shellcheck disable` any run of blanks. */
export function directivePattern(directive: string): string {
  return escapeRegExp(directive).replace(/: /g, ':\\s*').replace(/ /g, '\\s+');
}

function normaliseDirective(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').replace(/:(?=\S)/g, ': ');
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Compiles the tag list into the two patterns the parser uses. */
export function createMarkerMatcher(tags: readonly string[], suppressions: boolean, directives: readonly string[] = SUPPRESSION_MARKERS): MarkerMatcher {
  const sorted = [...directives].sort((a, b) => b.length - a.length);
  const directiveNames = new Map(sorted.map((d) => [normaliseDirective(d), d]));
  const suppressionAtStart = new RegExp(`^(${sorted.length > 0 ? sorted.map(directivePattern).join('|') : '(?!)'})(?![\\w-])\\s*`, 'i');
  const holdParts = [...tags.map((t) => `\\b${escapeRegExp(t)}\\b`), ...(suppressions ? sorted.map(directivePattern) : [])];
  const mayHold = new RegExp(holdParts.length > 0 ? holdParts.join('|') : '(?!)', 'i');
  if (tags.length === 0) return { tagAtStart: null, tagInLine: null, suppressions, suppressionAtStart, directiveNames, mayHold };
  const alternatives = [...tags].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  return {
    // At the start of a comment line: the tag alone is enough (`// todo fix`, `* @todo x`).
    tagAtStart: new RegExp(`^@?(${alternatives})(?=$|[\\s:(!.,;])(?:\\s*\\(([^)]*)\\))?\\s*:?\\s*`, 'i'),
    // Inside a line, only `TAG:` or `TAG(` in the case the tag is configured in counts, so prose like
    // "this is not debt: ..." is not an item.
    tagInLine: new RegExp(`(?<![\\w@-])@?(${alternatives})(?=\\(|:)`),
    suppressions,
    suppressionAtStart,
    directiveNames,
    mayHold,
  };
}

interface CommentLine {
  /** Offset in the file where `content` starts. */
  offset: number;
  content: string;
}

/** Splits a comment into lines with delimiters (`//`, `/*`, leading `*`, `*\/`) removed. */
function commentLines(text: string, comment: CommentRange): CommentLine[] {
  const lines: CommentLine[] = [];
  const raw = text.slice(comment.pos, comment.end);
  let start = 0;
  let first = true;
  while (start <= raw.length) {
    const nl = raw.slice(start).search(/\r\n|\r|\n/);
    const lineEnd = nl < 0 ? raw.length : start + nl;
    let line = raw.slice(start, lineEnd);
    let skip = 0;
    if (comment.open !== undefined) {
      // Another language's delimiters (`#`, `--`, `<!--`): lengths come from its lexer.
      if (nl < 0 && comment.close) line = line.slice(0, Math.max(0, line.length - comment.close));
      if (first) {
        skip = comment.open;
        // `##`, `---`, `//!`, `/**`: a run of the delimiter's last character is decoration.
        while (comment.open > 0 && skip < line.length && (line[skip] === line[comment.open - 1] || line[skip] === '!') && line[skip] !== ' ') skip++;
      } else {
        skip = comment.kind === 'block' ? /^\s*\*?(?![/}])/.exec(line)?.[0].length ?? 0 : 0;
      }
    } else if (comment.kind === 'line') {
      skip = /^\/\/[/!]?/.exec(line)![0].length;
    } else {
      if (nl < 0 && line.endsWith('*/')) line = line.slice(0, -2);
      skip = first ? /^\/\*+/.exec(line)?.[0].length ?? 2 : /^\s*\*?(?!\/)/.exec(line)?.[0].length ?? 0;
    }
    const lead = /^\s*/.exec(line.slice(skip))![0].length;
    lines.push({ offset: comment.pos + start + skip + lead, content: line.slice(skip + lead).trimEnd() });
    if (nl < 0) break;
    start = lineEnd + (raw.startsWith('\r\n', lineEnd) ? 2 : 1);
    first = false;
  }
  return lines;
}

/** Joins runs of `//` comments that stand alone on consecutive lines into one logical comment. */
function groupComments(text: string, comments: readonly CommentRange[], index: LineIndex): CommentRange[][] {
  const groups: CommentRange[][] = [];
  let lastLine = -2;
  let lastWasLine = false;
  for (const c of comments) {
    const line = index.line(c.pos);
    const lineStartsHere = /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', c.pos - 1) + 1, c.pos));
    if (c.kind === 'line' && lastWasLine && line === lastLine + 1 && lineStartsHere && !c.suppressionOnly && !groups[groups.length - 1]![0]!.suppressionOnly) groups[groups.length - 1]!.push(c);
    else groups.push([c]);
    lastLine = index.line(c.end);
    lastWasLine = c.kind === 'line';
  }
  return groups;
}

interface Draft {
  kind: RawItem['kind'];
  tag: string;
  offset: number;
  paren: string | null;
  body: string[];
  lastOffset: number;
}

/**
 * Reads debt items out of a file's comments. Continuation lines of the same comment (up to a blank
 * line, a JSDoc `@tag`, or the next marker) belong to the item's text.
 */
export function parseMarkers(text: string, comments: readonly CommentRange[], matcher: MarkerMatcher): RawItem[] {
  if (comments.length === 0) return [];
  const index = new LineIndex(text);
  const items: RawItem[] = [];
  const finish = (d: Draft | null): null => {
    if (!d) return null;
    const at = index.position(d.offset);
    const meta = d.kind === 'marker'
      ? parseMetadata(d.paren, d.body.join(' '))
      // `@ts-ignore -- reason`: the `--` only separates; keep the reason.
      : { owner: null, ticket: null, due: null, text: d.body.join(' ').replace(/\s+/g, ' ').trim().replace(/^--\s*/, '') };
    items.push({ kind: d.kind, tag: d.tag, line: at.line, column: at.column, endLine: index.line(d.lastOffset), ...meta });
    return null;
  };
  for (const ranges of groupComments(text, comments, index)) {
    // Most comments hold no tag or directive at all: only those that may are split into lines.
    if (!ranges.some((c) => matcher.mayHold.test(text.slice(c.pos, c.end)))) continue;
    const group = ranges.flatMap((c) => commentLines(text, c));
    const suppressionOnly = ranges[0]!.suppressionOnly === true;
    let draft: Draft | null = null;
    for (const { offset, content } of group) {
      const suppression = matcher.suppressions ? matcher.suppressionAtStart.exec(content) : null;
      if (suppression) {
        draft = finish(draft);
        const tag = matcher.directiveNames.get(normaliseDirective(suppression[1]!)) ?? suppression[1]!.toLowerCase();
        finish({ kind: 'suppression', tag, offset, paren: null, body: [content.slice(suppression[0].length)], lastOffset: offset });
        continue;
      }
      if (suppressionOnly) continue;
      let tagAt = -1;
      let tag = matcher.tagAtStart?.exec(content) ?? null;
      if (tag) tagAt = 0;
      else if (matcher.tagInLine) {
        const inLine = matcher.tagInLine.exec(content);
        if (inLine) {
          tagAt = inLine.index;
          tag = matcher.tagAtStart!.exec(content.slice(tagAt));
        }
      }
      if (tag && tagAt >= 0) {
        draft = finish(draft);
        const tagOffset = offset + tagAt + (tag[0].startsWith('@') ? 1 : 0);
        draft = { kind: 'marker', tag: tag[1]!.toUpperCase(), offset: tagOffset, paren: tag[2] ?? null, body: [content.slice(tagAt + tag[0].length)], lastOffset: tagOffset };
      } else if (draft && content !== '' && !content.startsWith('@')) {
        draft.body.push(content);
        draft.lastOffset = offset;
      } else {
        draft = finish(draft);
      }
    }
    finish(draft);
  }
  return items;
}
