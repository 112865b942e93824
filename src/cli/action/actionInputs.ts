import { UsageError } from '../io';

/** The action's inputs as `action.yml` passes them (`INPUT_<NAME>` in the environment), validated. */
export interface ActionInputs {
  workingDirectory: string;
  config: string | null;
  base: string | null;
  failOn: string | null;
  /** Which items `fail-on` counts: the ones new on the branch (default) or all. */
  failOnScope: 'new' | 'all';
  /** Report files to write besides the summary: any of sarif, markdown, gitlab, rdjson, json, compact. */
  formats: string[];
  /** Annotations for items new on the branch (default), all items, or none. */
  annotate: 'new' | 'all' | 'none';
  maxAnnotations: number | null;
  maxItems: number | null;
  dod: boolean;
  requireSignoffs: boolean;
  blame: boolean;
  outputDir: string;
}

const REPORTS = ['sarif', 'markdown', 'gitlab', 'rdjson', 'json', 'compact'];

function bool(value: string | undefined, name: string, fallback: boolean): boolean {
  if (value === undefined || value.trim() === '') return fallback;
  if (/^(true|yes|1)$/i.test(value.trim())) return true;
  if (/^(false|no|0)$/i.test(value.trim())) return false;
  throw new UsageError(`input ${name}: expected true or false, got "${value}"`);
}

function count(value: string | undefined, name: string): number | null {
  if (value === undefined || value.trim() === '') return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`input ${name}: expected a whole number, got "${value}"`);
  return n;
}

function oneOf<T extends string>(value: string | undefined, name: string, allowed: readonly T[], fallback: T): T {
  const v = (value ?? '').trim();
  if (v === '') return fallback;
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`input ${name}: expected ${allowed.join(', ')}, got "${v}"`);
  return v as T;
}

export function readInputs(env: Readonly<Record<string, string | undefined>>): ActionInputs {
  const input = (name: string): string | undefined => env[`INPUT_${name.toUpperCase()}`];
  const formats = (input('format') ?? 'sarif,markdown').split(',').map((f) => f.trim()).filter(Boolean);
  for (const f of formats) if (!REPORTS.includes(f)) throw new UsageError(`input format: unknown "${f}" (expected some of ${REPORTS.join(', ')})`);
  const text = (name: string): string | null => input(name)?.trim() || null;
  return {
    workingDirectory: text('working-directory') ?? '.',
    config: text('config'),
    base: text('base'),
    failOn: text('fail-on'),
    failOnScope: oneOf(input('fail-on-scope'), 'fail-on-scope', ['new', 'all'] as const, 'new'),
    formats,
    annotate: oneOf(input('annotate'), 'annotate', ['new', 'all', 'none'] as const, 'new'),
    maxAnnotations: count(input('max-annotations'), 'max-annotations'),
    maxItems: count(input('max-items'), 'max-items'),
    dod: bool(input('dod'), 'dod', true),
    requireSignoffs: bool(input('require-signoffs'), 'require-signoffs', false),
    blame: bool(input('blame'), 'blame', true),
    outputDir: text('output-dir') ?? (env.RUNNER_TEMP ? `${env.RUNNER_TEMP}/debt-ledger` : 'debt-ledger-reports'),
  };
}
