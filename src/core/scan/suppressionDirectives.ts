import { escapeRegExp } from './regex';

/**
 * How a directive's rest of line reads:
 * - `eslint`: `rule-a, rule-b -- reason` (ESLint, oxlint, deno-lint: rules, then `--` and the reason);
 * - `colon`: `lint/a/b: reason` (Biome: rules, then `:` and the reason);
 * - `tslint`: `:rule-a rule-b` right after the directive, no reason syntax;
 * - `hint`: one hint word (`next`, `if`, `start`, `line`...) then the reason (coverage tools, jshint);
 * - `reason`: everything is the reason (`@ts-expect-error why`, `prettier-ignore`).
 */
export type DirectiveSyntax = 'eslint' | 'colon' | 'tslint' | 'hint' | 'reason';

export interface SuppressionDirective {
  /** The family a `suppressions` setting switches on or off. */
  family: string;
  /** The directive as written, which is the item's `tag`. */
  tag: string;
  syntax: DirectiveSyntax;
  /** Ways to write the same directive's rest that end a range and so are not debt (`c8 ignore stop`). */
  closers?: readonly string[];
}

/**
 * Every suppression directive recognised, by family: data, so tests iterate it and a new language's
 * directives are one more block. `@ts-check` is not here: it switches checking on.
 */
export const SUPPRESSION_DIRECTIVES: readonly SuppressionDirective[] = [
  { family: 'debt-ledger', tag: 'debt-ledger-ignore', syntax: 'reason' },
  { family: 'typescript', tag: '@ts-expect-error', syntax: 'reason' },
  { family: 'typescript', tag: '@ts-ignore', syntax: 'reason' },
  { family: 'typescript', tag: '@ts-nocheck', syntax: 'reason' },
  { family: 'eslint', tag: 'eslint-disable-next-line', syntax: 'eslint' },
  { family: 'eslint', tag: 'eslint-disable-line', syntax: 'eslint' },
  { family: 'eslint', tag: 'eslint-disable', syntax: 'eslint' },
  { family: 'oxlint', tag: 'oxlint-disable-next-line', syntax: 'eslint' },
  { family: 'oxlint', tag: 'oxlint-disable-line', syntax: 'eslint' },
  { family: 'oxlint', tag: 'oxlint-disable', syntax: 'eslint' },
  { family: 'biome', tag: 'biome-ignore-all', syntax: 'colon' },
  { family: 'biome', tag: 'biome-ignore-start', syntax: 'colon' },
  { family: 'biome', tag: 'biome-ignore', syntax: 'colon' },
  { family: 'deno-lint', tag: 'deno-lint-ignore-file', syntax: 'eslint' },
  { family: 'deno-lint', tag: 'deno-lint-ignore', syntax: 'eslint' },
  { family: 'prettier', tag: 'prettier-ignore', syntax: 'reason' },
  { family: 'coverage', tag: 'istanbul ignore', syntax: 'hint' },
  { family: 'coverage', tag: 'c8 ignore', syntax: 'hint', closers: ['stop', 'end'] },
  { family: 'coverage', tag: 'v8 ignore', syntax: 'hint', closers: ['stop', 'end'] },
  { family: 'tslint', tag: 'tslint:disable-next-line', syntax: 'tslint' },
  { family: 'tslint', tag: 'tslint:disable-line', syntax: 'tslint' },
  { family: 'tslint', tag: 'tslint:disable', syntax: 'tslint' },
  { family: 'jshint', tag: 'jshint ignore', syntax: 'hint', closers: [':end', 'end'] },
  { family: 'jscs', tag: 'jscs:disable', syntax: 'eslint' },
];

/** Every family name, in table order. */
export const SUPPRESSION_FAMILIES: readonly string[] = [...new Set(SUPPRESSION_DIRECTIVES.map((d) => d.family))];

/** A directive found at the start of a comment line, with its rules and reason split out. */
export interface DirectiveMatch {
  directive: SuppressionDirective;
  /** Length of the directive itself (the tag) in the content. */
  length: number;
  /** The rest of the line as written (the item's text, `--` separator dropped for `reason` syntax). */
  rest: string;
  rules: string[];
  reason: string;
}

export interface DirectiveMatcher {
  /** The directive a comment line starts with, or null (closers and disabled families are null). */
  match(content: string): DirectiveMatch | null;
  /** A regex source matching any enabled directive anywhere, for the prefilter; null when none. */
  readonly prefilterSource: string | null;
  /** The directives that source matches, as written (`eslint-disable`, `type: ignore`): the prefilter's anchors come from them. */
  readonly prefilterTags: readonly string[];
}

/** `type: ignore` also matches `type:ignore`; `shellcheck disable` any run of blanks. */
export function directivePattern(directive: string): string {
  return escapeRegExp(directive).replace(/: /g, ':\\s*').replace(/ /g, '\\s+');
}

/** The lookup form of a directive as written: lower case, single blanks, one blank after a colon. */
function normaliseDirective(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').replace(/:(?=\S)/g, ': ');
}

/**
 * Another language's directives (`noqa`, `nolint`, `# shellcheck disable`) as table entries of one
 * family, the language's id: the whole rest of the line is the reason.
 */
export function languageDirectives(family: string, tags: readonly string[]): SuppressionDirective[] {
  return tags.map((tag) => ({ family, tag, syntax: 'reason' }));
}

/** Compiles the directives of the enabled families (all when `enabled` is absent) out of `known` (the JS/TS table by default). */
export function createDirectiveMatcher(enabled: (family: string) => boolean = () => true, known: readonly SuppressionDirective[] = SUPPRESSION_DIRECTIVES): DirectiveMatcher {
  const active = known.filter((d) => enabled(d.family)).sort((a, b) => b.tag.length - a.tag.length);
  if (active.length === 0) return { match: () => null, prefilterSource: null, prefilterTags: [] };
  const byTag = new Map(active.map((d) => [normaliseDirective(d.tag), d]));
  const atStart = new RegExp(`^(${active.map((d) => directivePattern(d.tag)).join('|')})(?![\\w-])`, 'i');
  const prefilterTags = [...new Set(active.map((d) => d.tag.replace(/-(next-line|line|file|all|start)$/, '')))];
  return {
    prefilterSource: prefilterTags.map(directivePattern).join('|'),
    prefilterTags,
    match(content) {
      const m = atStart.exec(content);
      if (!m) return null;
      const directive = byTag.get(normaliseDirective(m[1]!));
      if (!directive) return null;
      const after = content.slice(m[0].length);
      const trimmed = after.trim();
      if (directive.closers?.some((c) => trimmed.toLowerCase() === c || trimmed.toLowerCase().startsWith(`${c} `))) return null;
      return { directive, length: m[0].length, ...splitRest(directive.syntax, after) };
    },
  };
}

function splitRest(syntax: DirectiveSyntax, after: string): { rest: string; rules: string[]; reason: string } {
  const rest = after.replace(/\s+/g, ' ').trim();
  const words = (s: string): string[] => s.split(/[,\s]+/).filter(Boolean);
  switch (syntax) {
    case 'reason': {
      // `@ts-ignore -- why`, `# noqa: E501`: the separator only separates.
      const reason = rest.replace(/^(?:--|:)\s*/, '');
      return { rest: reason, rules: [], reason };
    }
    case 'eslint': {
      const at = rest.search(/(?:^|\s)--(?:\s|$)/);
      return at < 0 ? { rest, rules: words(rest), reason: '' } : { rest, rules: words(rest.slice(0, at)), reason: rest.slice(at).replace(/^\s*--\s*/, '') };
    }
    case 'colon': {
      const at = rest.indexOf(':');
      return at < 0 ? { rest, rules: words(rest), reason: '' } : { rest, rules: words(rest.slice(0, at)), reason: rest.slice(at + 1).trim() };
    }
    case 'tslint': {
      const m = /^:(\S+(?:\s+[\w-]+)*)?/.exec(after.trim());
      const listed = m?.[1] ? words(m[1].replace(/:/g, ' ')) : [];
      return { rest, rules: listed, reason: '' };
    }
    case 'hint': {
      const m = /^:?(\S+(?:\s+\d+)?)\s*(.*)$/.exec(rest);
      return { rest, rules: m ? [m[1]!.replace(/^:/, '')] : [], reason: m ? m[2]!.replace(/^(?:--|:)\s*/, '') : '' };
    }
  }
}
