import type { DodConfig } from '../dod/model';
import { defaultTicketsConfig, type TicketsConfig } from '../tickets/model';
import { defaultResilienceConfig, type ResilienceConfig } from '../resilience/model';
import type { SuppressionSettings } from '../scan/suppressionConfig';
import type { ScopeGlobs } from '../scope/scopeResolver';
import { knownScanEntries } from '../languages/registry';
import type { LanguageSyntax } from '../languages/syntax';

/** Resolved, validated configuration shared by the CLI and the extension. */
export interface DebtLedgerConfig {
  /** Marker tags, matched case-insensitively as whole words. */
  tags: string[];
  /** Whether suppression comments (`@ts-ignore`, `eslint-disable`...) count as debt: all, none, or per family. */
  suppressions: boolean | SuppressionSettings;
  /** File extensions (with the dot) and file names (`Dockerfile`, `Makefile.*`) that are scanned. */
  extensions: string[];
  /** The user's own languages (comment and string syntax), on top of the built-in ones. */
  languages: LanguageSyntax[];
  /** Whether open Markdown task items (`- [ ] ...`) are items of kind `task`. */
  markdownTasks: boolean;
  /** Extra exclude globs (or bare folder names) on top of the defaults. */
  exclude: string[];
  /** When false, the built-in excludes (node_modules, dist...) are not applied. */
  defaultExcludes: boolean;
  /** Files larger than this many bytes are skipped with a note. */
  maxFileSize: number;
  /** Which resilience gaps are reported, how severely, and where. */
  resilience: ResilienceConfig;
  /** The team's Definition of Done; null when the repo has none. */
  definitionOfDone: DodConfig | null;
  /** `blameless` (default): items carry teams, not people; `author`: also the commit author. */
  attribution: 'blameless' | 'author';
  /** Days of history that count as churn for interest. */
  churnWindowDays: number;
  /** Which trackers own which ticket references, and how answers are cached (docs/tickets.md). */
  tickets: TicketsConfig;
  /** Globs per scope that win over every other way of deciding a file's scope (docs/scopes.md). */
  scopes: ScopeGlobs;
  /** People and teams who can own a marker: `TODO(name)` is an owner when listed here (or in CODEOWNERS, .mailmap). */
  owners: string[];
  /** Whether the files of submodules (nested repositories) are scanned, in git mode and walk mode alike. */
  submodules: boolean;
}

export const DEFAULT_TAGS: readonly string[] = ['TODO', 'FIXME', 'HACK', 'XXX', 'BUG', 'DEBT'];
/** Every language the scanner knows: TS/JS, single-file components and the syntax tables. */
export const DEFAULT_EXTENSIONS: readonly string[] = knownScanEntries();
export const DEFAULT_EXCLUDES: readonly string[] = ['node_modules', 'dist', 'out', 'build', 'coverage', '.git'];
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;
/** Name of the repo configuration file, at the scan root. */
export const CONFIG_FILE_NAME = '.debtledger.json';

/** A fresh copy of the defaults. */
export function defaultConfig(): DebtLedgerConfig {
  return {
    tags: [...DEFAULT_TAGS],
    suppressions: true,
    extensions: [...DEFAULT_EXTENSIONS],
    languages: [],
    markdownTasks: false,
    exclude: [],
    defaultExcludes: true,
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    resilience: defaultResilienceConfig(),
    definitionOfDone: null,
    attribution: 'blameless',
    churnWindowDays: 90,
    tickets: defaultTicketsConfig(),
    scopes: {},
    owners: [],
    submodules: true,
  };
}

/** The excludes in force for a config: defaults (unless switched off) plus the user's. */
export function effectiveExcludes(config: DebtLedgerConfig): string[] {
  return config.defaultExcludes ? [...DEFAULT_EXCLUDES, ...config.exclude] : [...config.exclude];
}
