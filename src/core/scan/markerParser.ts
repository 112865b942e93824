import type { RawItem } from '../model';
import type { CommentRange } from './commentRange';
import { LineIndex } from './lineIndex';
import { createPrefilter } from './prefilter';
import { NO_OWNERS, parseMetadata, type OwnerDirectory } from './metadata';
import { escapeRegExp } from './regex';
import { suppressionSettings, type SuppressionSettings } from './suppressionConfig';
import { createDirectiveMatcher, SUPPRESSION_DIRECTIVES, type DirectiveMatcher, type SuppressionDirective } from './suppressionDirectives';
export { escapeRegExp } from './regex';

/** What a marker parser looks for; build once per configuration with `createMarkerMatcher`. */
export interface MarkerMatcher {
  readonly tagAtStart: RegExp | null;
  readonly tagInLine: RegExp | null;
  /** Upper-case tags after a JSDoc tag's name (`@deprecated #42 TODO remove`). */
  readonly tagInDocTag: RegExp | null;
  readonly directives: DirectiveMatcher;
  readonly suppressions: boolean;
  readonly requireReason: boolean;
  readonly directory: OwnerDirectory;
  /** A superset test on a comment's raw text: false means it yields no item (the file prefilter's test). */
  readonly mayHold: (text: string) => boolean;
}

/** Every suppression directive (see `suppressionDirectives.ts`), longest first. */
export const SUPPRESSION_MARKERS: readonly string[] = SUPPRESSION_DIRECTIVES.map((d) => d.tag).sort((a, b) => b.length - a.length);

/** Compiles the tag list into the patterns the parser uses. */
export function createMarkerMatcher(
  tags: readonly string[],
  suppressions: boolean | SuppressionSettings,
  directory: OwnerDirectory = NO_OWNERS,
  /** The directives of the file's language (a front-end's list); the JS/TS tools' by default. */
  known: readonly SuppressionDirective[] = SUPPRESSION_DIRECTIVES,
): MarkerMatcher {
  const settings = suppressionSettings(suppressions);
  // A family the settings do not name (another language's) follows the boolean form; the object form leaves it on.
  const directives = createDirectiveMatcher((family) => settings.families[family] ?? suppressions !== false, known);
  const mayHold = createPrefilter(tags, directives);
  const common = { directives, suppressions: directives.prefilterSource !== null, requireReason: settings.requireReason, directory, mayHold };
  if (tags.length === 0) return { tagAtStart: null, tagInLine: null, tagInDocTag: null, ...common };
  const alternatives = [...tags].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  return {
    // At the start of a comment line: the tag alone is enough (`// todo fix`, `* @todo x`, `FIXME!!!`,
    // `TODO-fix`, `TODO (v9): x`). Whether a mixed-case word is a tag or prose is decided by the caller.
    tagAtStart: new RegExp(`^@?(${alternatives})(?=$|[\\s:(!.,;-])(?:\\s*\\(([^)]*)\\))?[\\s!.,;-]*:?\\s*`, 'i'),
    // Inside a line, only `TAG:` or `TAG(` / `TAG (` in the case the tag is configured in counts, so prose
    // like "this is not debt: ..." is not an item.
    tagInLine: new RegExp(`(?<![\\w@-])@?(${alternatives})(?=\\s?\\(|:)`),
    tagInDocTag: new RegExp(`^@[\\w-]+\\b.*?(?<![\\w@-])(${alternatives})(?=$|[\\s:(!])`),
    ...common,
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
  rules?: string[];
  reason?: string;
}

/** A line that cannot end a sentence: it ends with a comma, a hyphen or a word that needs one more (`the`, `of`, `and`). */
const OPEN_SENTENCE = /(?:[,-]|\b(?:the|a|an|of|to|in|into|for|with|and|or|but|by|on|at|from|that|this|these|is|are|was|be|as|than|if|when|because|our|its|their|known|same))$/i;

/**
 * Whether a tag found at the start of a comment line is a marker, by the documented case rule
 * (docs/metadata.md): a tag written in upper case (`TODO`, `FIXME!!!`, `TODO-fix`) or followed by `:` or
 * `(` always is; a mixed- or lower-case word (`Bug`, `todo`) is prose when it continues the previous line's
 * sentence (the line before ends with a comma or a word like `the`, `of`, `and`), when it is joined by a hyphen (`todo-list`), or when it describes a heading (`Bug report format: ...`).
 */
function isMarkerAtStart(content: string, match: RegExpExecArray, previous: string | null): boolean {
  const written = match[1]!;
  const afterTag = content.slice(content.indexOf(written) + written.length);
  const upper = written === written.toUpperCase();
  if (upper) return true;
  if (/^\s*[:(]/.test(afterTag)) return true;
  if (afterTag.startsWith('-')) return false;
  if (previous !== null && OPEN_SENTENCE.test(previous)) return false;
  if (/^[A-Z]/.test(written) && /^\s+[a-z][\w-]*(?:\s+[\w-]+){0,3}:/.test(afterTag)) return false;
  return true;
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
    const base = { kind: d.kind, tag: d.tag, line: at.line, column: at.column, endLine: index.line(d.lastOffset) };
    if (d.kind === 'marker') {
      items.push({ ...base, ...parseMetadata(d.paren, d.body.join(' '), matcher.directory) });
    } else {
      const labels = matcher.requireReason && !d.reason ? ['no-reason'] : [];
      items.push({ ...base, owner: null, owners: [], ticket: null, due: null, labels, text: d.body.join(' '), rules: d.rules ?? [] });
    }
    return null;
  };
  /** The marker a comment line holds (at its start, or `TAG:` inside it), or null. */
  const markerIn = (content: string, offset: number, previous: string | null): Draft | null => {
    let tagAt = -1;
    let tag = matcher.tagAtStart?.exec(content) ?? null;
    if (tag) {
      if (!isMarkerAtStart(content, tag, previous)) tag = null;
      else tagAt = 0;
    }
    if (!tag && matcher.tagInLine) {
      const inLine = matcher.tagInLine.exec(content) ?? (content.startsWith('@') ? matcher.tagInDocTag!.exec(content) : null);
      if (inLine) {
        // The match ends at the tag (a JSDoc tag's name may come before it).
        tagAt = inLine.index + inLine[0].length - inLine[1]!.length;
        tag = matcher.tagAtStart!.exec(content.slice(tagAt));
      }
    }
    if (!tag || tagAt < 0) return null;
    const tagOffset = offset + tagAt + (tag[0].startsWith('@') ? 1 : 0);
    return { kind: 'marker', tag: tag[1]!.toUpperCase(), offset: tagOffset, paren: tag[2] ?? null, body: [content.slice(tagAt + tag[0].length)], lastOffset: tagOffset };
  };
  for (const ranges of groupComments(text, comments, index)) {
    // Most comments hold no tag or directive at all: only those that may are split into lines.
    if (!ranges.some((c) => matcher.mayHold(text.slice(c.pos, c.end)))) continue;
    const group = ranges.flatMap((c) => commentLines(text, c));
    const suppressionOnly = ranges[0]!.suppressionOnly === true;
    let draft: Draft | null = null;
    let previous: string | null = null;
    for (const { offset, content } of group) {
      const directive = matcher.suppressions ? matcher.directives.match(content) : null;
      if (directive) {
        draft = finish(draft);
        finish({ kind: 'suppression', tag: directive.directive.tag, offset, paren: null, body: [directive.rest], lastOffset: offset, rules: directive.rules, reason: directive.reason });
        // A tag in the reason (`@ts-expect-error TODO: wrong upstream types`) is a marker too.
        const reasonAt = directive.reason ? content.indexOf(directive.reason.split(' ')[0]!, directive.length) : -1;
        if (reasonAt >= 0) draft = markerIn(content.slice(reasonAt), offset + reasonAt, null);
        previous = content;
        continue;
      }
      if (suppressionOnly) continue;
      const marker = markerIn(content, offset, previous);
      if (marker) {
        draft = finish(draft);
        draft = marker;
      } else if (draft && content !== '' && !content.startsWith('@')) {
        draft.body.push(content);
        draft.lastOffset = offset;
      } else {
        draft = finish(draft);
      }
      previous = content;
    }
    finish(draft);
  }
  return items;
}
