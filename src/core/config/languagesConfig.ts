import type { LanguageSyntax, StringForm } from '../languages/syntax';

interface Problem {
  path: string;
  message: string;
}

const ID = /^[a-z][a-z0-9_-]*$/i;
const EXTENSION = /^\.[A-Za-z0-9][A-Za-z0-9.+_-]*$/;
const KEYS = ['extensions', 'fileNames', 'lineComment', 'blockComment', 'nestedComments', 'strings', 'suppressions'];

function strings(value: unknown, path: string, errors: Problem[], check?: (s: string) => string | undefined): string[] | undefined {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.some((s) => typeof s !== 'string' || s === '')) {
    errors.push({ path, message: 'expected a non-empty string or an array of them' });
    return undefined;
  }
  const out: string[] = [];
  for (const [i, s] of (list as string[]).entries()) {
    const problem = check?.(s);
    if (problem) errors.push({ path: `${path}[${i}]`, message: problem });
    else out.push(s);
  }
  return out;
}

function stringForm(value: unknown, path: string, errors: Problem[]): StringForm | undefined {
  if (typeof value === 'string' && value !== '') return { open: value, escape: '\\' };
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const r = value as Record<string, unknown>;
    const unknownKey = Object.keys(r).find((k) => !['open', 'close', 'escape', 'multiline'].includes(k));
    if (unknownKey) errors.push({ path: `${path}.${unknownKey}`, message: 'unknown key (expected one of open, close, escape, multiline)' });
    else if (typeof r.open !== 'string' || r.open === '') errors.push({ path: `${path}.open`, message: 'expected a non-empty string' });
    else if (r.close !== undefined && (typeof r.close !== 'string' || r.close === '')) errors.push({ path: `${path}.close`, message: 'expected a non-empty string' });
    else if (r.escape !== undefined && (typeof r.escape !== 'string' || r.escape.length !== 1)) errors.push({ path: `${path}.escape`, message: 'expected one character, e.g. "\\\\"' });
    else if (r.multiline !== undefined && typeof r.multiline !== 'boolean') errors.push({ path: `${path}.multiline`, message: 'expected true or false' });
    else {
      return {
        open: r.open,
        ...(typeof r.close === 'string' ? { close: r.close } : {}),
        ...(typeof r.escape === 'string' ? { escape: r.escape } : {}),
        ...(r.multiline === true ? { multiline: true } : {}),
      };
    }
    return undefined;
  }
  errors.push({ path, message: 'expected a delimiter string like "\\"" or { "open", "close", "escape", "multiline" }' });
  return undefined;
}

/**
 * Validates the `languages` map: `{ "mylang": { "extensions": [".foo"], "lineComment": "#",
 * "blockComment": ["/*", "*\/"], "strings": ["\"", { "open": "'", "escape": "\\" }] } }`. A language
 * needs at least one extension or file name and one comment form. Returns the languages as syntax tables.
 */
export function resolveLanguages(value: unknown, path: string, errors: Problem[]): LanguageSyntax[] | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    errors.push({ path, message: 'expected an object mapping language names to their syntax' });
    return undefined;
  }
  const out: LanguageSyntax[] = [];
  for (const [id, raw] of Object.entries(value as Record<string, unknown>)) {
    const at = `${path}.${id}`;
    if (!ID.test(id)) {
      errors.push({ path: at, message: 'a language name is a word (letters, digits, _ or -)' });
      continue;
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      errors.push({ path: at, message: 'expected an object with extensions, lineComment, blockComment, strings' });
      continue;
    }
    const r = raw as Record<string, unknown>;
    const before = errors.length;
    for (const k of Object.keys(r)) if (!KEYS.includes(k)) errors.push({ path: `${at}.${k}`, message: `unknown key (expected one of ${KEYS.join(', ')})` });
    const extensions = r.extensions === undefined ? [] : strings(r.extensions, `${at}.extensions`, errors, (s) => (EXTENSION.test(s) ? undefined : `extension ${JSON.stringify(s)} must look like ".foo"`)) ?? [];
    const fileNames = r.fileNames === undefined ? [] : strings(r.fileNames, `${at}.fileNames`, errors, (s) => (/[/\\]/.test(s) ? 'a file name, not a path' : undefined)) ?? [];
    const lineComments = r.lineComment === undefined ? [] : strings(r.lineComment, `${at}.lineComment`, errors) ?? [];
    const blocks: [string, string][] = [];
    if (r.blockComment !== undefined) {
      const list = Array.isArray(r.blockComment) && r.blockComment.every((b) => typeof b === 'string') ? [r.blockComment] : r.blockComment;
      if (!Array.isArray(list) || !list.every((b) => Array.isArray(b) && b.length === 2 && b.every((d) => typeof d === 'string' && d !== ''))) {
        errors.push({ path: `${at}.blockComment`, message: 'expected ["open", "close"] or a list of such pairs' });
      } else blocks.push(...(list as [string, string][]));
    }
    if (r.nestedComments !== undefined && typeof r.nestedComments !== 'boolean') errors.push({ path: `${at}.nestedComments`, message: 'expected true or false' });
    const stringForms = !Array.isArray(r.strings) ? [] : r.strings.map((s, i) => stringForm(s, `${at}.strings[${i}]`, errors)).filter((s): s is StringForm => s !== undefined);
    if (r.strings !== undefined && !Array.isArray(r.strings)) errors.push({ path: `${at}.strings`, message: 'expected an array of delimiters' });
    const suppressions = r.suppressions === undefined ? [] : strings(r.suppressions, `${at}.suppressions`, errors) ?? [];
    if (extensions.length + fileNames.length === 0 && errors.length === before) errors.push({ path: at, message: 'needs "extensions" or "fileNames"' });
    if (lineComments.length + blocks.length === 0 && errors.length === before) errors.push({ path: at, message: 'needs "lineComment" or "blockComment"' });
    if (errors.length > before) continue;
    out.push({
      id,
      extensions: extensions.map((e) => e.toLowerCase()),
      fileNames,
      comments: [...lineComments.map((open) => ({ open })), ...blocks.map(([open, close]) => ({ open, close, nests: r.nestedComments === true }))],
      strings: stringForms,
      suppressions,
    });
  }
  return out;
}
