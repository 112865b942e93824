import type { CommentRange } from './commentRange';

/**
 * Comments found by a single left-to-right lexical pass, without building a syntax tree: the cheaper path
 * for a file the compiler cannot parse (nested too deeply for its recursive parser). It skips string,
 * template (with `${}` nesting, kept on an explicit stack) and regex literals; whether a `/` opens a
 * regex is decided from the previous significant token, as JavaScript lexers do. It may differ from the
 * parser in rare corners (a regex after `)` of an `if (...)`), so the parser stays the normal path.
 */
export function lexicalComments(text: string): CommentRange[] {
  const comments: CommentRange[] = [];
  /** For each open template: the brace depth at which its `${` was opened. */
  const templates: number[] = [];
  let braces = 0;
  // Whether the last significant token ends an expression (so `/` is division).
  let afterExpression = false;
  let i = text.startsWith('#!') ? Math.max(0, text.indexOf('\n')) : 0;
  if (text.startsWith('#!') && text.indexOf('\n') < 0) return comments;
  const n = text.length;
  const isIdent = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 36 || c === 95 || c > 127;
  const skipTemplate = (from: number): number => {
    // From just after a backtick or a `}` closing a substitution; returns the index after the closing backtick,
    // or after `${` (pushing the substitution).
    let j = from;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 92) j += 2;
      else if (c === 96) return j + 1;
      else if (c === 36 && text.charCodeAt(j + 1) === 123) {
        templates.push(braces);
        braces++;
        return j + 2;
      } else j++;
    }
    return n;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 47 /* / */) {
      const next = text.charCodeAt(i + 1);
      if (next === 47) {
        let end = i + 2;
        while (end < n && !isLineBreak(text.charCodeAt(end))) end++;
        comments.push({ pos: i, end, kind: 'line' });
        i = end;
        continue;
      }
      if (next === 42) {
        const close = text.indexOf('*/', i + 2);
        const end = close < 0 ? n : close + 2;
        comments.push({ pos: i, end, kind: 'block' });
        i = end;
        continue;
      }
      if (afterExpression) {
        i++;
        afterExpression = false;
        continue;
      }
      // A regex literal: up to an unescaped `/` outside a class, on the same line.
      let j = i + 1;
      let inClass = false;
      while (j < n && !isLineBreak(text.charCodeAt(j))) {
        const r = text.charCodeAt(j);
        if (r === 92) j++;
        else if (r === 91) inClass = true;
        else if (r === 93) inClass = false;
        else if (r === 47 && !inClass) break;
        j++;
      }
      i = j + 1;
      while (i < n && isIdent(text.charCodeAt(i))) i++;
      afterExpression = true;
      continue;
    }
    if (c === 39 || c === 34 /* ' " */) {
      let j = i + 1;
      while (j < n) {
        const s = text.charCodeAt(j);
        if (s === 92) j += 2;
        else if (s === c || s === 10) break;
        else j++;
      }
      i = j + 1;
      afterExpression = true;
      continue;
    }
    if (c === 96 /* ` */) {
      i = skipTemplate(i + 1);
      afterExpression = text.charCodeAt(i - 1) === 96;
      continue;
    }
    if (c === 123) {
      braces++;
      afterExpression = false;
      i++;
      continue;
    }
    if (c === 125) {
      braces--;
      if (templates.length > 0 && templates[templates.length - 1] === braces) {
        templates.pop();
        i = skipTemplate(i + 1);
        afterExpression = text.charCodeAt(i - 1) === 96;
        continue;
      }
      afterExpression = true;
      i++;
      continue;
    }
    if (isIdent(c)) {
      const start = i;
      while (i < n && isIdent(text.charCodeAt(i))) i++;
      // After these keywords an expression starts, so `/` opens a regex.
      afterExpression = !REGEX_AFTER.has(text.slice(start, i));
      continue;
    }
    if (c === 41 || c === 93) afterExpression = true;
    else if (c > 32) afterExpression = false;
    i++;
  }
  return comments;
}

const REGEX_AFTER = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029;
}
