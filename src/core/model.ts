import type { ResilienceSummary, Severity } from './resilience/model';
import type { Scope } from './scope/model';

/**
 * Kinds of ledger items. `marker` = a debt tag (TODO, FIXME...); `suppression` = a checker switched off
 * (including `debt-ledger-ignore` opt-outs); `resilience` = an outbound call that cannot fail gracefully;
 * `task` = an open Markdown task item (`- [ ] ...`), only with the `markdownTasks` setting.
 */
export type ItemKind = 'marker' | 'suppression' | 'resilience' | 'task';

/** A debt item as found in one file, before ledger-wide fields (id, overdue) are derived. */
export interface RawItem {
  kind: ItemKind;
  /** Canonical tag: upper-case for markers (`TODO`), as written for suppressions (`@ts-ignore`). */
  tag: string;
  /** 1-based line of the tag. */
  line: number;
  /** 1-based column of the tag (UTF-16 code units, as editors count). */
  column: number;
  /** 1-based line where the item's text ends (continuation lines included). */
  endLine: number;
  /** Free text after the tag and its metadata, continuation lines joined by single spaces. */
  text: string;
  /** The first of `owners` (kept for compatibility); null when none. */
  owner: string | null;
  /** `@handle` from `TAG(@handle)` or an `@handle` mention, or a word the owner directory knows (docs/metadata.md). */
  owners: string[];
  /** Versions, milestones and area words (`TODO(v9)`, `TODO(billing)`); `no-reason` on a suppression with `requireReason`. */
  labels: string[];
  /** Suppressions: the rules named (`eqeqeq`, `lint/a/b`); absent for markers. */
  rules?: string[];
  /** `#123`, `ABC-123`, a bare `TAG(1234)` as `#1234`, or a bug-tracker URL; null when absent. */
  ticket: string | null;
  /** Due date as `YYYY-MM-DD`; null when absent or not a real calendar date. */
  due: string | null;
}

/** One ledger entry: a raw item plus its place and derived fields. */
export interface LedgerItem extends RawItem {
  /** Stable across unrelated edits: hash of file, tag and normalised text, `-N` suffix for duplicates. */
  id: string;
  /** POSIX path relative to the scan root. */
  file: string;
  /** True when `due` is before today (local calendar date). */
  overdue: boolean;
  /** Resilience items: the rule (`resilience/timeout`...); null for other kinds. Same as `tag`. */
  rule: string | null;
  /** Resilience items: the client, e.g. `fetch`, `axios instance api (src/api.ts:4)`; else null. */
  client: string | null;
  /** Resilience items: why the call is a gap and how to close it; else null. */
  reason: string | null;
  /** Resilience items: configured severity; else null. */
  severity: Severity | null;
  /** Resilience items: 1-based end column of the call's range (end line is `endLine`); else null. */
  endColumn: number | null;
  /** Resilience items in a project wrapper: its callers as `file:line`; else null. */
  callers: string[] | null;
  /** Resilience items: where the call runs (`server`, `browser`, `universal`); absent for other kinds. */
  environment?: 'server' | 'browser' | 'universal';
  /** The commit and date that introduced the item's line (git blame); null when uncommitted or not known. */
  introduced: { commit: string; date: string } | null;
  /** The marker's own owner, else the CODEOWNERS team of the file; null when neither. */
  team: string | null;
  /** The line's commit author, only with `attribution: "author"`; else null (blameless by default). */
  author: string | null;
  /** Interest: kind weight x (1 + file churn) x (1 + age in years); 0 until computed. Higher = costlier. */
  interest: number;
  /** With `scan --tickets` (or the editor setting): the ticket's state at its tracker; absent when not asked. */
  ticketState?: TicketState;
  /** With a closed ticket: when the tracker says it closed (ISO 8601); null when it does not say. */
  ticketClosedAt?: string | null;
  /** Where the file lives: source, test, example, generated, vendored or tooling (docs/scopes.md). */
  scope: Scope;
  /** The monorepo workspace package the file belongs to (its package.json `name`); null outside one. */
  package: string | null;
}

/**
 * A ticket's state at its tracker: `missing` = 404 or not visible with the token; `unknown` = the tracker
 * could not be asked (unreachable, no token where one is needed, rate-limited, not configured).
 */
export type TicketState = 'open' | 'closed' | 'missing' | 'unknown';

/** A file the scan did not read, with why. */
export interface SkippedFile {
  /** POSIX path relative to the scan root. */
  file: string;
  reason: string;
}

/** Figures about one scan, for progress output and the benchmark. */
export interface ScanStats {
  filesListed: number;
  filesScanned: number;
  /** Files whose text cannot contain a marker, so they were never parsed. */
  filesPrefiltered: number;
  filesParsed: number;
  /** Files answered from the content cache without parsing. */
  filesFromCache: number;
  /** Files that could make a call but were never analysed: outside `resilience.scopes`, and no reported finding depends on them. */
  filesDeferred?: number;
  bytesRead: number;
  durationMs: number;
}

/** The result of scanning a root folder. */
export interface ScanResult {
  /** Absolute path of the scanned folder. */
  root: string;
  items: LedgerItem[];
  skipped: SkippedFile[];
  stats: ScanStats;
  /** How the files were listed: `git` (ls-files) or `walk` (no git: untrusted, not a repo, or --no-git). */
  listedWith?: 'git' | 'walk';
  /** Per-file resilience summaries (for incremental re-linking in the editor); absent when not kept. */
  summaries?: ReadonlyMap<string, ResilienceSummary>;
  /** Digest of every listed file's path, size and mtime at the scan (with a cache only): a key for caches built on it. */
  fingerprint?: string;
  /** Set when the result is the ledger snapshot with only these files scanned again (see scan/snapshotPatch.ts). */
  changedFiles?: string[];
}

/** Stats with every figure zero, for results not made by a full scan. */
export function emptyScanStats(): ScanStats {
  return { filesListed: 0, filesScanned: 0, filesPrefiltered: 0, filesParsed: 0, filesFromCache: 0, bytesRead: 0, durationMs: 0 };
}
