import { REGISTRATION_MODULES_PATTERN, TABLE_MODULES_PATTERN } from '../resilience/clientTable';
import type { CommentRange } from './commentRange';

/**
 * What a file needs before it can make or wrap an outbound call itself: a call of a fetch-like function,
 * or a client/retry/breaker module named in an import or require. A superset, for the prefilter; files
 * that only use a project's client module are caught by the scanner's second pass.
 */
const CALL_HINT_SOURCE = `\\bfetch\\w*\\s*[(<!]|['"\`](?:node:)?(?:https?|http2|undici|axios|got|ky|p-retry|async-retry|axios-retry|opossum|cockatiel)['"\`]|(?:\\bfrom|\\brequire\\s*\\(|\\bimport\\s*\\()\\s*['"](?:${TABLE_MODULES_PATTERN})['"]`;
const CALL_HINT = new RegExp(CALL_HINT_SOURCE);
const CALL_HINTS = new RegExp(CALL_HINT_SOURCE, 'g');

/**
 * Files that make no call of their own: declaration files (types only) and minified copies (build
 * output of a source that is analysed where it is written). Their markers are still read.
 */
export const NO_RUNTIME_CODE = /\.d\.[cm]?ts$|\.min\.[cm]?js$/i;

/** Import/require specifiers that may be project modules (relative, aliases, workspace packages), for the second pass. */
const RELATIVE_IMPORT = /(?:\bfrom|\brequire\s*\(|\bimport\s*\()\s*['"]((?:\.{1,2}\/|[#~@])[^'"]+|[\w.-]+\/[^'"]+)['"]/g;

/**
 * An import of a module whose defaults one file can set for every other (`axios.defaults.timeout`,
 * `axios-retry`, undici's `setGlobalDispatcher`, `HttpModule.register`): the analyzer reads global
 * defaults only through such an import.
 */
const GLOBAL_DEFAULTS_IMPORT = new RegExp(`(?:\\bfrom|\\brequire\\s*\\(|\\bimport\\s*\\(?)\\s*['"](?:axios|axios-retry|undici|${REGISTRATION_MODULES_PATTERN})['"]`, 'g');

/** Every import or require specifier of a text (side-effect imports and `import()` included). */
const ANY_IMPORT = /(?:\bfrom|\brequire\s*\(|\bimport\s*\(?)\s*['"]([^'"\n]+)['"]/g;

/** Whether the text holds a call hint anywhere (comments included): the cheap first test. */
export function hasCallHint(text: string): boolean {
  return CALL_HINT.test(text);
}

/**
 * Whether a call hint starts outside the script's comments. `fetch(...)` in a JSDoc example is no call:
 * a file whose every hint is commented out cannot make a call of its own (effect's `Effect.ts` holds six
 * such examples in 732 KB), so it needs no syntax tree. `comments` are in document order.
 */
export function hasCallHintOutside(text: string, comments: readonly CommentRange[]): boolean {
  return matchesOutside(text, comments, CALL_HINTS);
}

/** Whether the script imports, outside its comments, a module whose defaults apply to every file (see GLOBAL_DEFAULTS_IMPORT). */
export function mayImportGlobalDefaults(text: string, comments: readonly CommentRange[] | null): boolean {
  return matchesOutside(text, comments ?? [], GLOBAL_DEFAULTS_IMPORT);
}

/** Every import specifier of a text but `node:` built-ins: all the ways the file may name a project module. */
export function allImports(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(ANY_IMPORT)) if (!m[1]!.startsWith('node:')) out.push(m[1]!);
  return out;
}

/** Whether a match of the global regex `pattern` starts outside `comments` (document order). */
function matchesOutside(text: string, comments: readonly CommentRange[], pattern: RegExp): boolean {
  let c = 0;
  for (const m of text.matchAll(pattern)) {
    const at = m.index;
    while (c < comments.length && comments[c]!.end <= at) c++;
    if (c >= comments.length || comments[c]!.pos > at) return true;
  }
  return false;
}

/** The specifiers of a text's imports that may name project modules (relative, aliases, workspace packages). */
export function relativeImports(text: string): string[] {
  return [...text.matchAll(RELATIVE_IMPORT)].map((m) => m[1]!);
}
