import type { CommentRange } from '../scan/commentRange';
import type { LanguageSyntax, PatternForm } from './syntax';

type Handler =
  | { t: 'line'; open: number }
  | { t: 'block'; open: string; close: string; nests: boolean }
  | { t: 'commentPattern'; re: RegExp; suppressionOnly: boolean; toEnd: boolean }
  | { t: 'string'; open: number; close: string; escape: number; doubled: boolean; multiline: boolean }
  | { t: 'stringPattern'; re: RegExp; toEnd: boolean }
  | { t: 'heredoc'; re: RegExp };

/** A language's syntax compiled into one scan: a master regex of every opener plus what each one does. */
export interface TableLexer {
  readonly id: string;
  comments(text: string): CommentRange[];
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const LINE_START = '(?<=^[ \\t]*)';
const WORD_START = '(?<=^|[\\s;|&(])';
const AFTER_BLANK = '(?<=^|[ \\t])';

function groupCount(source: string): number {
  return new RegExp(`${source}|`).exec('')!.length - 1;
}

function sticky(form: PatternForm): RegExp {
  return new RegExp(form.pattern, 'ym');
}

/**
 * Compiles a syntax table. Forms are tried where the master regex finds an opener: pattern forms first,
 * then literal delimiters longest first (`"""` before `"`), so no form shadows a longer one.
 */
export function compileLexer(syntax: LanguageSyntax): TableLexer {
  const entries: { start: string; handler: Handler; length: number }[] = [];
  const check = (start: string): string => {
    if (groupCount(start) !== 0) throw new Error(`${syntax.id}: start pattern ${start} must not capture`);
    return start;
  };
  for (const f of syntax.commentPatterns ?? []) entries.push({ start: check(f.start), handler: { t: 'commentPattern', re: sticky(f), suppressionOnly: f.suppressionOnly === true, toEnd: f.unterminatedToEnd === true }, length: Infinity });
  for (const f of syntax.stringPatterns ?? []) entries.push({ start: check(f.start), handler: { t: 'stringPattern', re: sticky(f), toEnd: f.unterminatedToEnd === true }, length: Infinity });
  for (const f of syntax.heredocs ?? []) entries.push({ start: check(f.start), handler: { t: 'heredoc', re: sticky(f) }, length: Infinity });
  for (const c of syntax.comments) {
    const start = `${c.lineStart ? LINE_START : c.wordStart ? WORD_START : c.afterBlank ? AFTER_BLANK : ''}${escapeRe(c.open)}`;
    const handler: Handler = c.close === undefined ? { t: 'line', open: c.open.length } : { t: 'block', open: c.open, close: c.close, nests: c.nests === true };
    entries.push({ start, handler, length: c.open.length });
  }
  for (const s of syntax.strings) {
    const start = `${s.lineStart ? LINE_START : s.after !== undefined ? `(?<=${s.after})` : ''}${escapeRe(s.open)}`;
    entries.push({
      start,
      handler: { t: 'string', open: s.open.length, close: s.close ?? s.open, escape: s.escape ? s.escape.charCodeAt(0) : -1, doubled: s.doubled === true, multiline: s.multiline === true },
      length: s.open.length,
    });
  }
  // Stable: equal lengths keep table order (comments before strings).
  entries.sort((a, b) => (a.length === b.length ? 0 : b.length - a.length));
  const handlers = entries.map((e) => e.handler);
  const master = entries.length > 0 ? new RegExp(entries.map((e) => `(${e.start})`).join('|'), 'gm') : null;
  return { id: syntax.id, comments: (text) => (master ? lex(text, master, handlers) : []) };
}

function lineEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  if (nl < 0) return text.length;
  return nl > from && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
}

/** End of a delimited literal that starts its body at `j`. */
function stringEnd(text: string, j: number, h: Extract<Handler, { t: 'string' }>): number {
  const n = text.length;
  const close0 = h.close.charCodeAt(0);
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === h.escape) {
      j += 2;
      continue;
    }
    if (c === close0 && text.startsWith(h.close, j)) {
      if (h.doubled && text.startsWith(h.close, j + h.close.length)) {
        j += 2 * h.close.length;
        continue;
      }
      return j + h.close.length;
    }
    if (c === 10 && !h.multiline) return j;
    j++;
  }
  return n;
}

function blockEnd(text: string, j: number, h: Extract<Handler, { t: 'block' }>): number {
  let depth = 1;
  while (depth > 0) {
    const close = text.indexOf(h.close, j);
    if (close < 0) return text.length;
    if (h.nests) {
      const open = text.indexOf(h.open, j);
      if (open >= 0 && open < close) {
        depth++;
        j = open + h.open.length;
        continue;
      }
    }
    depth--;
    j = close + h.close.length;
  }
  return j;
}

/** Skips the bodies of here-documents opened on the line ending at `eol`; returns where code resumes. */
function skipHeredocs(text: string, eol: number, tags: readonly string[]): number {
  let at = text.indexOf('\n', eol);
  if (at < 0) return text.length;
  at++;
  for (const tag of tags) {
    const terminator = new RegExp(`^[ \\t]*${escapeRe(tag)}(?![\\w])[^\\n]*$`, 'gm');
    terminator.lastIndex = at;
    const m = terminator.exec(text);
    if (!m) return text.length;
    const next = text.indexOf('\n', m.index);
    at = next < 0 ? text.length : next + 1;
  }
  return at;
}

function lex(text: string, master: RegExp, handlers: readonly Handler[]): CommentRange[] {
  const out: CommentRange[] = [];
  const pending: string[] = [];
  let pendingEol = -1;
  let i = 0;
  for (;;) {
    master.lastIndex = i;
    const m = master.exec(text);
    if (pending.length > 0 && (!m || m.index >= pendingEol)) {
      i = skipHeredocs(text, pendingEol, pending);
      pending.length = 0;
      continue;
    }
    if (!m) break;
    const pos = m.index;
    let k = 0;
    while (m[k + 1] === undefined) k++;
    const h = handlers[k]!;
    switch (h.t) {
      case 'line': {
        const end = lineEnd(text, pos);
        out.push({ pos, end, kind: 'line', open: h.open });
        i = end;
        break;
      }
      case 'block': {
        const end = blockEnd(text, pos + h.open.length, h);
        out.push({ pos, end, kind: 'block', open: h.open.length, close: end <= text.length && text.startsWith(h.close, end - h.close.length) ? h.close.length : 0 });
        i = end;
        break;
      }
      case 'string':
        i = stringEnd(text, pos + h.open, h);
        break;
      case 'commentPattern':
      case 'stringPattern':
      case 'heredoc': {
        h.re.lastIndex = pos;
        const whole = h.re.exec(text);
        if (!whole) {
          if (h.t !== 'heredoc' && h.toEnd) {
            if (h.t === 'commentPattern') out.push({ pos, end: text.length, kind: 'block', open: 0, close: 0 });
            return out;
          }
          i = pos + 1;
          break;
        }
        const end = pos + whole[0].length;
        if (h.t === 'commentPattern') {
          const range: CommentRange = { pos, end, kind: whole[0].includes('\n') ? 'block' : 'line', open: whole.groups?.open?.length ?? 0, close: whole.groups?.close?.length ?? 0 };
          if (h.suppressionOnly) range.suppressionOnly = true;
          out.push(range);
        } else if (h.t === 'heredoc') {
          if (pending.length === 0) pendingEol = lineEnd(text, end);
          pending.push(whole.groups!.tag!);
        }
        i = Math.max(end, pos + 1);
        break;
      }
    }
  }
  return out;
}
