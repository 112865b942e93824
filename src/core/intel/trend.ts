import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { effectiveExcludes, type DebtLedgerConfig } from '../config/config';
import { isRecord, readOwnedJson, writeOwnedJson } from '../fs/ownedFiles';
import { decodeText } from '../fs/safeFs';
import { GitFactsError } from '../git/branchFacts';
import { ensureGit, verifyCommit } from '../git/gitGuards';
import { gitClient } from '../git/loadGit';
import { linkResilience } from '../resilience/link';
import type { ResilienceSummary } from '../resilience/model';
import { compileExcludes, hasExtension } from '../scan/pathFilter';
import { createTextScanner, scanText } from '../scan/scanner';

export interface TrendPoint {
  commit: string;
  /** ISO committer date. */
  date: string;
  marker: number;
  suppression: number;
  resilience: number;
}

function isTrendCache(v: unknown): v is Record<string, TrendPoint> {
  return isRecord(v) && Object.values(v).every((p) => isRecord(p) && typeof p.commit === 'string' && typeof p.date === 'string' && Number.isInteger(p.marker) && Number.isInteger(p.suppression) && Number.isInteger(p.resilience));
}

/** `6.months`, `90.days`, `2.weeks`, `1.year` -> milliseconds. */
export function parseSince(since: string): number {
  const m = /^(\d+)\.(day|week|month|year)s?$/.exec(since);
  if (!m) throw new Error(`--since: expected e.g. 6.months, 90.days, 2.weeks, 1.year; got "${since}"`);
  const days = { day: 1, week: 7, month: 30, year: 365 }[m[2] as 'day'] * Number(m[1]);
  if (days < 1 || days > 36_500) throw new Error(`--since: from 1 day to 100 years; got "${since}"`);
  return days * 86_400_000;
}

/** Reads many blobs through one `git cat-file --batch` process (simple-git cannot stream stdin). */
async function readBlobs(top: string, specs: string[]): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  if (specs.length === 0) return out;
  const child = spawn('git', ['cat-file', '--batch'], { cwd: top, stdio: ['pipe', 'pipe', 'ignore'] });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (d: Buffer) => chunks.push(d));
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', () => resolve());
  });
  child.stdin.end(specs.join('\n') + '\n');
  await done;
  const buf = Buffer.concat(chunks);
  let at = 0;
  for (const spec of specs) {
    const nl = buf.indexOf(10, at);
    if (nl < 0) break;
    const header = buf.subarray(at, nl).toString();
    at = nl + 1;
    const m = /^[0-9a-f]+ blob (\d+)$/.exec(header);
    if (!m) continue; // missing
    const size = Number(m[1]);
    out.set(spec, buf.subarray(at, at + size));
    at += size + 1;
  }
  return out;
}

/**
 * Item counts per kind at evenly spaced commits of a branch's first-parent history since `sinceMs` ago, scanned
 * from git objects (the work tree is never touched), cached per commit in `cacheFile`.
 */
export async function trend(root: string, config: DebtLedgerConfig, options: { sinceMs: number; points: number; ref?: string; cacheFile: string | null; now?: Date; onNote?: (text: string) => void }): Promise<TrendPoint[]> {
  ensureGit();
  const git = gitClient(root);
  const top = (await git.raw(['rev-parse', '--show-toplevel'])).trim();
  // A user-given ref is checked (never read as an option like --output=...) and resolved to a commit first.
  const ref = options.ref ?? 'HEAD';
  const tip = await verifyCommit(git, ref, '--ref');
  if (!tip) throw new GitFactsError(`unknown ref "${ref}"`, 'pass a branch, tag or commit that exists here with --ref');
  const prefix = path.relative(top, root).split(path.sep).join('/');
  const since = new Date((options.now ?? new Date()).getTime() - options.sinceMs).toISOString();
  const log = (await git.raw(['log', '--first-parent', `--since=${since}`, '--format=%H %cI', '--end-of-options', tip, '--'])).trim();
  const commits = log ? log.split('\n').map((l) => ({ sha: l.slice(0, 40), date: l.slice(41) })).reverse() : [];
  const n = Math.min(options.points, commits.length);
  const picked = n <= 1 ? commits.slice(-1) : Array.from({ length: n }, (_, i) => commits[Math.round((i * (commits.length - 1)) / (n - 1))]!);
  let cache: Record<string, TrendPoint> = {};
  if (options.cacheFile) {
    const read = await readOwnedJson(options.cacheFile, isTrendCache, 'the trend cache');
    if (read.note) options.onNote?.(read.note);
    cache = read.value ?? {};
  }
  const key = (sha: string): string => `${sha}:${JSON.stringify([config.tags, config.suppressions, config.resilience, prefix])}`;
  const excluded = compileExcludes(effectiveExcludes(config));
  const extensions = new Set(config.extensions);
  const scanner = createTextScanner(config);
  const points: TrendPoint[] = [];
  for (const c of picked) {
    const hit = cache[key(c.sha)];
    if (hit) {
      points.push(hit);
      continue;
    }
    // --full-tree: the pathspec and the names are from the top of the repository, not git's cwd (the scanned subfolder).
    // NUL-separated entries, and blobs asked for by object id: a file name holding a newline cannot
    // misalign the list or `cat-file --batch`'s answers.
    const entries = (await git.raw(['ls-tree', '-r', '-z', '--full-tree', '--end-of-options', c.sha, '--', prefix || '.'])).split('\0').filter(Boolean);
    const oids = new Map<string, string>();
    for (const entry of entries) {
      const m = /^\d+ blob ([0-9a-f]+)\t([\s\S]*)$/.exec(entry);
      if (!m) continue;
      const f = prefix ? m[2]!.slice(prefix.length + 1) : m[2]!;
      if (hasExtension(f, extensions) && !excluded(f)) oids.set(f, m[1]!);
    }
    const files = [...oids.keys()];
    const blobs = await readBlobs(top, [...new Set(oids.values())]);
    const point: TrendPoint = { commit: c.sha, date: c.date, marker: 0, suppression: 0, resilience: 0 };
    const summaries = new Map<string, ResilienceSummary>();
    for (const f of files) {
      const bytes = blobs.get(oids.get(f)!);
      const text = bytes === undefined || bytes.length > config.maxFileSize ? null : decodeText(bytes);
      if (text === null) continue;
      const scan = scanText(scanner, f, text);
      for (const item of scan.items) point[item.kind === 'suppression' ? 'suppression' : 'marker']++;
      if (scan.summary) summaries.set(f, scan.summary);
    }
    point.resilience = config.resilience.enabled ? linkResilience(summaries, config.resilience).length : 0;
    cache[key(c.sha)] = point;
    points.push(point);
  }
  if (options.cacheFile) await writeOwnedJson(options.cacheFile, cache).catch((err: Error) => options.onNote?.(`the trend cache was not saved: ${err.message}`));
  return points;
}
