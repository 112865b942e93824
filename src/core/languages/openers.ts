import type { LanguageSyntax } from './syntax';

/** `\w` of a regex without the `u` flag. */
function isWordChar(c: string): boolean {
  return /^\w$/.test(c);
}

/**
 * The source of a pattern's `(?<open>…)` group, or null when it has none (parentheses balanced, escapes
 * and character classes skipped).
 */
function openGroupSource(pattern: string): string | null {
  const at = pattern.indexOf('(?<open>');
  if (at < 0) return null;
  let depth = 1;
  let inClass = false;
  for (let i = at + 8; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return pattern.slice(at + 8, i);
  }
  return null;
}

/** Whether a regex source always ends in one literal non-word character (`#`, `\[`, `--`). */
function endsInNonWordLiteral(source: string): boolean {
  if (source.length === 0) return false;
  const last = source[source.length - 1]!;
  // An escaped character: a literal when it is punctuation (`\[`); `\w`, `\s`, `\d`... are classes.
  let backslashes = 0;
  for (let i = source.length - 2; i >= 0 && source[i] === '\\'; i--) backslashes++;
  if (backslashes % 2 === 1) return !/[A-Za-z0-9_]/.test(last);
  // Unescaped: a quantifier, group, class, alternation or anchor is not a single literal.
  return !isWordChar(last) && !')]}*+?.|$^'.includes(last) && !source.includes('|');
}

/**
 * Whether every comment opener of a syntax table ends in a non-word character (`//`, `#`, `--[[`,
 * `<!--`), so the text of a comment line starts after punctuation, a blank or the line start (the strict
 * prefilter's premise, see `PrefilterOptions.afterPunctuation`). False when one cannot be shown: an
 * opener ending in a letter (Ruby's `=begin`, a user's `REM`), or a comment pattern without a plain
 * `(?<open>…)` group. Patterns read for suppression directives only yield no marker and do not count.
 */
export function openersEndNonWord(syntax: Pick<LanguageSyntax, 'comments' | 'commentPatterns'>): boolean {
  for (const c of syntax.comments) if (c.open.length === 0 || isWordChar(c.open[c.open.length - 1]!)) return false;
  for (const p of syntax.commentPatterns ?? []) {
    if (p.suppressionOnly === true) continue;
    const open = openGroupSource(p.pattern);
    if (open === null || !endsInNonWordLiteral(open)) return false;
  }
  return true;
}
