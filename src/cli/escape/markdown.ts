import { oneLine } from './controls';

/**
 * Workspace text in GitHub/GitLab-flavoured Markdown. Markdown syntax written as a numeric character
 * reference is never syntax again (CommonMark 6.2), and GFM splits table cells before entities are
 * decoded, so `&#124;` cannot end a cell the way `\|` (or a TODO's own `\|`, which became `\\|`) can.
 */
const ENTITIES: Record<string, string> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;',
  '\\': '&#92;', '|': '&#124;', '`': '&#96;', '*': '&#42;', '_': '&#95;', '~': '&#126;',
  '[': '&#91;', ']': '&#93;', '!': '&#33;', '$': '&#36;',
};
const SYNTAX = /[&<>"\\|`*_~[\]!$]/g;
/** U+2060 WORD JOINER: invisible, but no longer a word start for mention or autolink detection. */
const JOINER = '\u2060';

/**
 * Mentions (`@everyone`, `@org/team`, `@user`) and bare links (`http://`, `www.`) would ping people or
 * become clickable once posted; a word joiner after `@` and inside `://` / `www.` keeps them as text.
 * Also breaks e-mail autolinks (`a@b.example`).
 */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(?=[\w-])/g, `@${JOINER}`).replace(/:\/\//g, `:${JOINER}//`).replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}${JOINER}.`);
}

/**
 * Plain workspace text inside Markdown prose or a table cell: one line, controls replaced, every
 * character that could open HTML, a link, an image, emphasis, a code span or a new cell written as a
 * character reference, mentions and bare links neutralised.
 */
export function markdownText(text: string): string {
  return neutraliseMentions(oneLine(text).replace(SYNTAX, (c) => ENTITIES[c]!));
}

/** A table cell: the same as `markdownText` (named for the call sites that build tables). */
export const markdownCell = markdownText;

/**
 * An inline code span around workspace text (a branch name, a path) in prose, not in a table: the
 * fence is one backtick longer than the longest backtick run inside, padded when the text starts or ends
 * with a backtick or space (CommonMark 6.1). Inside a code span nothing is a mention, link or HTML.
 */
export function codeSpan(text: string): string {
  const t = oneLine(text);
  const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^[`\s]|[`\s]$/.test(t) || t === '' ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}

/** A URL path from a repository-relative POSIX path: each segment percent-encoded (`#`, `?`, `%`, spaces, parentheses). */
export function encodePath(file: string): string {
  return file.split('/').map((s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join('/');
}
