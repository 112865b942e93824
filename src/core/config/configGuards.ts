import type * as Re2 from 're2js';

/**
 * Limits on what a configuration may hold, and the checks that keep a crafted `.debtledger.json` from
 * costing more than a normal one: caps on list sizes and string lengths, globs that cannot backtrack
 * exponentially, and user regular expressions run by a linear-time engine.
 */
export const CONFIG_LIMITS = {
  tags: 200,
  tagLength: 64,
  listItems: 1000,
  globLength: 500,
  /** `*` runs per path segment of a glob: each one multiplies picomatch's backtracking by the segment's length. */
  starsPerSegment: 3,
  patternLength: 500,
  dodItems: 200,
} as const;

/**
 * Why a glob is refused, or undefined when it is fine. picomatch compiles globs to backtracking regular
 * expressions: `*a*a*a*a*a*a*a*a*a*a*a*b` costs 38 s per path, so more than three `*` in one segment,
 * extglobs (`+(a|aa)` nests quantifiers) and numeric brace ranges are refused with the reason.
 */
export function globProblem(glob: string): string | undefined {
  if (glob.length > CONFIG_LIMITS.globLength) return `glob longer than ${CONFIG_LIMITS.globLength} characters`;
  for (const segment of glob.split('/')) {
    if (segment === '**') continue;
    const stars = segment.match(/\*+/g)?.length ?? 0;
    if (stars > CONFIG_LIMITS.starsPerSegment) return `glob ${JSON.stringify(shorten(glob))} has ${stars} "*" in one path segment (at most ${CONFIG_LIMITS.starsPerSegment}): such globs take exponential time to match`;
  }
  if (/[*+?@!]\(/.test(glob)) return `glob ${JSON.stringify(shorten(glob))} uses an extglob like +(...): not supported (they can take exponential time to match)`;
  if (/\{[^}]*\.\.[^}]*\}/.test(glob)) return `glob ${JSON.stringify(shorten(glob))} uses a brace range {a..b}: not supported`;
  return undefined;
}

function shorten(s: string): string {
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}

/** A user's regular expression, compiled once for a linear-time engine. */
export interface UserRegex {
  test(input: string): boolean;
}

let re2: typeof Re2 | undefined;
/**
 * re2js (260 KB) loads on the first user pattern, not with the configuration code every scan loads:
 * 30-45 ms of every start-up, CLI and in-process, for a DoD check most scans never read.
 */
function loadRe2(): typeof Re2 {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy load, see above
  re2 ??= require('re2js') as typeof Re2;
  return re2;
}

/**
 * Compiles a pattern with RE2 semantics (re2js: linear time in the input, so `^(a+)+$` cannot hang the
 * editor or CI). Lookarounds and backreferences are not supported and are reported as such.
 */
export function compileUserRegex(pattern: string): { ok: true; regex: UserRegex } | { ok: false; message: string } {
  if (pattern.length > CONFIG_LIMITS.patternLength) return { ok: false, message: `pattern longer than ${CONFIG_LIMITS.patternLength} characters` };
  try {
    const re = loadRe2().RE2JS.compile(pattern);
    return { ok: true, regex: { test: (input) => re.matcher(input).find() } };
  } catch (err) {
    return { ok: false, message: `invalid regular expression (RE2 syntax: no lookarounds or backreferences): ${(err as Error).message}` };
  }
}

/** Whether an object has `key` as its own property (never one inherited from Object.prototype). */
export function hasOwn(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** `record[key]` only when it is an own property. */
export function own(record: Record<string, unknown>, key: string): unknown {
  return hasOwn(record, key) ? record[key] : undefined;
}
